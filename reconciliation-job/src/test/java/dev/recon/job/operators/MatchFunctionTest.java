package dev.recon.job.operators;

import dev.recon.job.rules.DefaultRuleSetProvider;
import dev.recon.model.AlertIds;
import dev.recon.model.avro.Alert;
import dev.recon.model.avro.AlertAction;
import dev.recon.model.avro.BillEvent;
import dev.recon.model.avro.PaymentEvent;
import dev.recon.model.avro.StopLossAction;
import dev.recon.model.avro.StopLossSpec;
import dev.recon.model.avro.StopLossTargetKind;
import dev.recon.rules.DefaultRules;
import dev.recon.rules.dsl.RuleBundle;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.types.Either;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.recon.job.testing.Records.bill;
import static dev.recon.job.testing.Records.payment;
import static org.assertj.core.api.Assertions.assertThat;

/** Tests for {@link MatchFunction}: every verdict, and that state and timers return to zero. */
class MatchFunctionTest {
    private static final long DEADLINE = 5_000;
    private static final long RETENTION = 60_000;

    private Harness h;

    @BeforeEach
    void setUp() throws Exception {
        h = harness("exact");
    }

    @AfterEach
    void tearDown() throws Exception {
        h.close();
    }

    static Harness harness(String tolerance) throws Exception {
        return harness(tolerance, null);
    }

    /** A harness restored from a snapshot of an earlier one. */
    static Harness restored(OperatorSubtaskState snapshot) throws Exception {
        return harness("exact", snapshot);
    }

    /** A harness with the exact tolerance and this event-time policy. */
    static Harness harness(Lateness lateness) throws Exception {
        return harness("exact", null, lateness);
    }

    private static Harness harness(String tolerance, OperatorSubtaskState snapshot)
            throws Exception {
        return harness(tolerance, snapshot, new Lateness(Lateness.DEFAULT_ALLOWED));
    }

    private static Harness harness(
            String tolerance, OperatorSubtaskState snapshot, Lateness lateness) throws Exception {
        var provider =
                new DefaultRuleSetProvider(
                        Duration.ofMillis(DEADLINE),
                        tolerance,
                        Duration.ofMillis(RETENTION),
                        "payments",
                        "bills");
        var harness =
                new Harness(
                        new CoBroadcastWithKeyedOperator<>(
                                new MatchFunction(provider, lateness),
                                List.of(MatchFunction.RULES)),
                        MatchFunction::keyOf,
                        Types.STRING,
                        1,
                        1,
                        0);
        if (snapshot != null) {
            harness.setup();
            harness.initializeState(snapshot);
        }
        harness.open();
        return harness;
    }

    @Test
    void matchingPairRaisesNothingAndIsForgottenAfterRetention() throws Exception {
        h.setProcessingTime(0);
        pay(payment("p1", 1000));
        assertThat(h.numKeyedStateEntries()).isEqualTo(1);
        send(bill("b1", "p1", 1000));
        h.setProcessingTime(DEADLINE + 1);
        assertThat(alerts()).isEmpty();
        assertThat(h.numProcessingTimeTimers()).as("only the retention timer").isEqualTo(1);
        h.setProcessingTime(RETENTION + 1);
        assertZeroStateAndTimers();
    }

    @Test
    void aMatchedKeyIsKeptForTheRetentionFromItsMatchThoughItsDeadlineTimerFiresFirst()
            throws Exception {
        h.setProcessingTime(0);
        pay(payment("p1", 1000));
        h.setProcessingTime(1_000);
        send(bill("b1", "p1", 1000));
        h.setProcessingTime(DEADLINE); // the deadline timer, left in place by the match, fires
        assertThat(h.numKeyedStateEntries()).as("kept for the retention").isEqualTo(1);
        assertThat(h.numProcessingTimeTimers()).as("back for the retention's end").isEqualTo(1);
        h.setProcessingTime(1_000 + RETENTION - 1);
        send(bill("b1", "p1", 1000)); // a redelivery within the retention is still recognised
        assertThat(alerts()).isEmpty();
        h.setProcessingTime(1_000 + RETENTION);
        assertZeroStateAndTimers();
    }

    @Test
    void aKeySettledAfterAVerdictIsKeptForTheRetentionFromTheSettlement() throws Exception {
        h.setProcessingTime(0);
        pay(payment("p1", 1000));
        h.setProcessingTime(
                DEADLINE); // bill-missing; its retention would end at DEADLINE+RETENTION
        long settled = DEADLINE + 2_000;
        h.setProcessingTime(settled);
        send(bill("b1", "p1", 1000)); // resolves the verdict
        h.setProcessingTime(DEADLINE + RETENTION);
        send(bill("b2", "p1", 1000)); // a second bill id, after the verdict's retention
        assertThat(alerts())
                .extracting(Alert::getRuleId, Alert::getAction)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("bill-missing", AlertAction.TRIGGER),
                        org.assertj.core.groups.Tuple.tuple("bill-missing", AlertAction.RESOLVE),
                        org.assertj.core.groups.Tuple.tuple("duplicate-bill", AlertAction.TRIGGER));
        h.setProcessingTime(settled + RETENTION - 1);
        assertThat(h.numKeyedStateEntries()).isEqualTo(1);
        h.setProcessingTime(settled + RETENTION);
        assertZeroStateAndTimers();
    }

    @Test
    void amountMismatchAlertsWithTheDifferenceAtRisk() throws Exception {
        pay(payment("p1", 1000));
        send(bill("b1", "p1", 1003));
        List<Alert> out = alerts();
        assertThat(out)
                .singleElement()
                .satisfies(
                        a -> {
                            assertThat(a.getRuleId()).isEqualTo("amount-match");
                            assertThat(a.getAction()).isEqualTo(AlertAction.TRIGGER);
                            assertThat(a.getAlertId())
                                    .isEqualTo(
                                            AlertIds.of(
                                                    DefaultRules.RECONCILIATION,
                                                    "amount-match",
                                                    "p1",
                                                    "b1"));
                            assertThat(a.getAmountAtRiskMinor()).isEqualTo(3);
                            assertThat(a.getLeft()).containsEntry("amount_minor", "1000");
                            assertThat(a.getRight()).containsEntry("amount_minor", "1003");
                            assertThat(a.getMessage()).contains("1003").contains("1000");
                        });
        h.setProcessingTime(RETENTION + 1);
        assertZeroStateAndTimers();
    }

    @Test
    void currencyMismatchAlertsOnlyTheCurrencyRule() throws Exception {
        BillEvent b = bill("b1", "p1", 1000);
        b.setCurrency("EUR");
        send(b);
        pay(payment("p1", 1000));
        assertThat(alerts()).extracting(Alert::getRuleId).containsExactly("currency-match");
        assertThat(alerts().get(0).getAmountAtRiskMinor()).isEqualTo(1000);
    }

    @Test
    void statusMismatchAlerts() throws Exception {
        BillEvent b = bill("b1", "p1", 1000);
        b.setStatus("REVERSED");
        pay(payment("p1", 1000));
        send(b);
        assertThat(alerts()).extracting(Alert::getRuleId).containsExactly("status-consistent");
    }

    @Test
    void missingBillFiresAtTheDeadlineNotBefore() throws Exception {
        h.setProcessingTime(100);
        pay(payment("p1", 1000));
        h.setProcessingTime(100 + DEADLINE - 1);
        assertThat(alerts()).isEmpty();
        h.setProcessingTime(100 + DEADLINE);
        assertThat(alerts())
                .singleElement()
                .satisfies(
                        a -> {
                            assertThat(a.getRuleId()).isEqualTo("bill-missing");
                            assertThat(a.getAlertId())
                                    .isEqualTo(
                                            AlertIds.of(
                                                    DefaultRules.RECONCILIATION,
                                                    "bill-missing",
                                                    "p1",
                                                    ""));
                            assertThat(a.getDecidedAt()).isEqualTo(100 + DEADLINE);
                            assertThat(a.getRight()).isNull();
                        });
        h.setProcessingTime(100 + DEADLINE + RETENTION);
        assertZeroStateAndTimers();
    }

    @Test
    void lateBillAfterMissingVerdictResolvesAndIsChecked() throws Exception {
        h.setProcessingTime(0);
        pay(payment("p1", 1000));
        h.setProcessingTime(DEADLINE);
        send(bill("b1", "p1", 999));
        List<Alert> out = alerts();
        assertThat(out)
                .extracting(Alert::getRuleId, Alert::getAction)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("bill-missing", AlertAction.TRIGGER),
                        org.assertj.core.groups.Tuple.tuple("bill-missing", AlertAction.RESOLVE),
                        org.assertj.core.groups.Tuple.tuple("amount-match", AlertAction.TRIGGER));
        assertThat(out.get(1).getAlertId()).isEqualTo(out.get(0).getAlertId());
        h.setProcessingTime(DEADLINE + RETENTION);
        assertZeroStateAndTimers();
    }

    @Test
    void orphanBillFiresPaymentMissingAndLatePaymentResolves() throws Exception {
        h.setProcessingTime(0);
        send(bill("b9", "p9", 500));
        h.setProcessingTime(DEADLINE);
        assertThat(alerts()).extracting(Alert::getRuleId).containsExactly("payment-missing");
        assertThat(alerts().get(0).getAlertId())
                .isEqualTo(AlertIds.of(DefaultRules.RECONCILIATION, "payment-missing", "p9", "b9"));
        pay(payment("p9", 500));
        assertThat(alerts())
                .extracting(Alert::getAction)
                .containsExactly(AlertAction.TRIGGER, AlertAction.RESOLVE);
        h.setProcessingTime(DEADLINE + RETENTION);
        assertZeroStateAndTimers();
    }

    @Test
    void secondBillIdIsADoubleChargeButRedeliveryIsNot() throws Exception {
        pay(payment("p1", 1000));
        send(bill("b1", "p1", 1000));
        send(bill("b1", "p1", 1000));
        assertThat(alerts()).isEmpty();
        send(bill("b2", "p1", 1000));
        assertThat(alerts())
                .singleElement()
                .satisfies(
                        a -> {
                            assertThat(a.getRuleId()).isEqualTo("duplicate-bill");
                            assertThat(a.getAlertId())
                                    .isEqualTo(
                                            AlertIds.of(
                                                    DefaultRules.RECONCILIATION,
                                                    "duplicate-bill",
                                                    "p1",
                                                    "b2"));
                        });
        send(bill("b2", "p1", 1000));
        assertThat(alerts()).as("a redelivered duplicate adds nothing").hasSize(1);
        h.setProcessingTime(RETENTION);
        assertZeroStateAndTimers();
    }

    @Test
    void alertsCarryTheStopLossOfTheirRuleWithItsTargetResolved() throws Exception {
        pay(payment("p1", 1000));
        send(bill("b1", "p1", 1000));
        send(bill("b2", "p1", 1000));
        assertThat(alerts())
                .singleElement()
                .satisfies(
                        a -> {
                            assertThat(a.getRuleId()).isEqualTo("duplicate-bill");
                            assertThat(a.getStoploss())
                                    .as("the default rules hold the merchant of a double charge")
                                    .isEqualTo(
                                            new StopLossSpec(
                                                    StopLossAction.HOLD,
                                                    StopLossTargetKind.MERCHANT,
                                                    "m-1",
                                                    100_000L,
                                                    300_000L,
                                                    1_800_000L));
                        });
        h.processBroadcastElement(
                bundle(
                        "  rule amount-match {\n"
                                + "    stoploss block route right.source_system ttl 1h"),
                0L);
        pay(payment("p2", 1000));
        send(bill("b3", "p2", 1003));
        assertThat(alerts())
                .last()
                .satisfies(
                        a -> {
                            assertThat(a.getRuleId()).isEqualTo("amount-match");
                            assertThat(a.getStoploss().getTargetKind())
                                    .isEqualTo(StopLossTargetKind.ROUTE);
                            assertThat(a.getStoploss().getTarget())
                                    .as("read from the bill's source_system")
                                    .isEqualTo("billing");
                            assertThat(a.getStoploss().getThresholdMinor()).isZero();
                            assertThat(a.getStoploss().getTtlMs()).isEqualTo(3_600_000L);
                        });
    }

    @Test
    void duplicateBillBeforeThePaymentStillAlertsOnce() throws Exception {
        send(bill("b1", "p1", 1000));
        send(bill("b2", "p1", 1000));
        pay(payment("p1", 1000));
        assertThat(alerts()).extracting(Alert::getRuleId).containsExactly("duplicate-bill");
    }

    @Test
    void billBeforePaymentIsNotABreak() throws Exception {
        h.setProcessingTime(0);
        send(bill("b1", "p1", 1000));
        h.setProcessingTime(DEADLINE - 1);
        pay(payment("p1", 1000));
        h.setProcessingTime(DEADLINE + 1);
        assertThat(alerts()).isEmpty();
        h.setProcessingTime(DEADLINE + RETENTION);
        assertZeroStateAndTimers();
    }

    @Test
    void redeliveredPaymentIsIgnoredButAlteredOneConflicts() throws Exception {
        pay(payment("p1", 1000));
        pay(payment("p1", 1000));
        assertThat(alerts()).isEmpty();
        pay(payment("p1", 2000));
        assertThat(alerts()).extracting(Alert::getRuleId).containsExactly("payment-conflict");
    }

    @Test
    void basisPointToleranceAcceptsSmallDifferences() throws Exception {
        h.close();
        h = harness("10bps"); // 0.1 %
        pay(payment("p1", 100_000));
        send(bill("b1", "p1", 100_100));
        pay(payment("p2", 100_000));
        send(bill("b2", "p2", 100_101));
        assertThat(alerts()).extracting(Alert::getKey).containsExactly("p2");
    }

    @Test
    void alertIdsAreStableAcrossRestoreFromSnapshot() throws Exception {
        h.setProcessingTime(0);
        pay(payment("p1", 1000));
        var snapshot = h.snapshot(1, 1);
        h.close();
        h = restored(snapshot);
        h.setProcessingTime(DEADLINE); // due, but deferred: restored jobs first read their backlog
        assertThat(alerts()).isEmpty();
        h.setProcessingTime(2 * DEADLINE);
        assertThat(alerts())
                .extracting(Alert::getAlertId)
                .containsExactly(
                        AlertIds.of(DefaultRules.RECONCILIATION, "bill-missing", "p1", ""));
    }

    @Test
    void afterARestoreMissingVerdictsWaitOneDeadlineSoTheBacklogCanBeRead() throws Exception {
        h.setProcessingTime(0);
        pay(payment("p1", 1000));
        pay(payment("p2", 1000));
        var snapshot = h.snapshot(1, 1);
        h.close();
        h = restored(snapshot);
        h.setProcessingTime(30_000); // the job was down for 30 s; both deadlines have passed
        assertThat(alerts()).as("no verdict while the counterpart may be unread").isEmpty();
        send(bill("b1", "p1", 1000)); // read from the backlog
        h.setProcessingTime(30_000 + DEADLINE);
        assertThat(alerts())
                .extracting(Alert::getRuleId, Alert::getKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("bill-missing", "p2"));
        h.setProcessingTime(30_000 + DEADLINE + RETENTION);
        assertZeroStateAndTimers();
    }

    @Test
    void pushedRuleSetTakesEffectAndABrokenOneIsRejectedWithItsDiagnostics() throws Exception {
        String shadow = bundle(MERCHANT_RULE.formatted("shadow"));
        h.processBroadcastElement(shadow, 0L);
        assertThat(audits()).singleElement().asString().contains("\"status\":\"accepted\"");
        BillEvent other = bill("b1", "p1", 1000);
        other.setMerchantId("m-2");
        pay(payment("p1", 1000));
        send(other);
        assertThat(alerts())
                .singleElement()
                .satisfies(
                        a -> {
                            assertThat(a.getRuleId()).isEqualTo("merchant-match");
                            assertThat(a.getMode()).isEqualTo(dev.recon.model.avro.RuleMode.SHADOW);
                        });
        h.processBroadcastElement(bundle("check left.curency == right.currency"), 0L);
        assertThat(audits())
                .hasSize(2)
                .last()
                .asString()
                .contains("\"status\":\"rejected\"")
                .contains("unknown field");
        assertThat(h.getBroadcastState(MatchFunction.RULES).get(MatchFunction.ACTIVE))
                .as("the accepted version stays in force")
                .isEqualTo(shadow);
    }

    @Test
    void pushedRulesSurviveARestore() throws Exception {
        h.processBroadcastElement(bundle(MERCHANT_RULE.formatted("enforce")), 0L);
        var snapshot = h.snapshot(1, 1);
        h.close();
        h = restored(snapshot);
        BillEvent other = bill("b1", "p1", 1000);
        other.setMerchantId("m-2");
        pay(payment("p1", 1000));
        send(other);
        assertThat(alerts()).extracting(Alert::getRuleId).containsExactly("merchant-match");
    }

    @Test
    void aPushedStreamFilterSkipsRejectedRecordsWithoutStateTimersOrAlerts() throws Exception {
        h.setProcessingTime(0);
        PaymentEvent failed = payment("p0", 1000);
        failed.setStatus("FAILED");
        pay(failed);
        assertThat(h.numKeyedStateEntries()).as("no filter yet: reconciled").isEqualTo(1);
        h.setProcessingTime(DEADLINE);
        assertThat(alerts()).extracting(Alert::getRuleId).containsExactly("bill-missing");
        h.close();
        h = harness("exact");
        h.setProcessingTime(0);

        h.processBroadcastElement(bundleText(FILTERS.apply(shippedRules())), 0L);
        assertThat(audits()).singleElement().asString().contains("\"status\":\"accepted\"");
        pay(failed);
        send(bill("b9", "p9", 0)); // rejected by the bills filter
        assertThat(h.numKeyedStateEntries()).as("keyed state entries").isZero();
        assertThat(h.numProcessingTimeTimers()).as("processing-time timers").isZero();
        h.setProcessingTime(3 * DEADLINE);
        assertThat(alerts()).as("neither bill-missing nor payment-missing").isEmpty();

        pay(payment("p1", 1000)); // accepted: reconciled as before
        assertThat(h.numKeyedStateEntries()).isEqualTo(1);
        assertThat(h.numProcessingTimeTimers()).isEqualTo(1);
        h.setProcessingTime(4 * DEADLINE);
        assertThat(alerts())
                .extracting(Alert::getRuleId, Alert::getKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("bill-missing", "p1"));
    }

    /** A filter on each stream of the shipped rule file. */
    private static final java.util.function.UnaryOperator<String> FILTERS =
            text -> {
                String withPaymentFilter =
                        text.replace(
                                "  id payment_id\n",
                                "  id payment_id\n  filter status != \"FAILED\"\n");
                String withBoth =
                        withPaymentFilter.replace(
                                "  id bill_id\n",
                                "  id bill_id\n  filter bills.amount_minor > 0\n");
                assertThat(withBoth).contains("filter status").contains("filter bills.");
                return withBoth;
            };

    private static final String MERCHANT_RULE =
            """
              rule merchant-match {
                severity error
                owner "fund-safety"
                mode %s
                check left.merchant_id == right.merchant_id
                at_risk left.amount_minor
                message "merchant {right.merchant_id} is not {left.merchant_id}"
              }

              rule amount-match {""";

    /** The shipped rule file with one edit, as the bundle JSON a push sends. */
    private static String bundle(String edit) throws Exception {
        String text = shippedRules();
        text =
                edit.startsWith("check ")
                        ? text.replace("check left.currency == right.currency", edit)
                        : text.replace("  rule amount-match {", edit);
        return bundleText(text);
    }

    /** The text of the shipped rule file. */
    private static String shippedRules() throws Exception {
        return Files.readString(Path.of("..", "rules", "payments-vs-bills.rules"));
    }

    /** A rule file with the shipped schemas, as the bundle JSON a push sends. */
    private static String bundleText(String text) throws Exception {
        Path dir = Path.of("..", "rules");
        String p = "../model/src/main/avro/PaymentEvent.avsc";
        String b = "../model/src/main/avro/BillEvent.avsc";
        RuleBundle bundle =
                new RuleBundle(
                        new TreeMap<>(Map.of("payments-vs-bills.rules", text)),
                        new TreeMap<>(
                                Map.of(
                                        p,
                                        Files.readString(dir.resolve(p)),
                                        b,
                                        Files.readString(dir.resolve(b)))));
        return new String(bundle.toJson(), StandardCharsets.UTF_8);
    }

    private List<String> audits() {
        List<String> out = new ArrayList<>();
        var queue = h.getSideOutput(MatchFunction.AUDIT);
        if (queue != null) {
            queue.forEach(r -> out.add(r.getValue()));
        }
        return out;
    }

    /** The harness type: payments and bills as one Either input, rule updates broadcast. */
    static final class Harness
            extends KeyedBroadcastOperatorTestHarness<
                    String, Either<PaymentEvent, BillEvent>, String, Alert> {
        Harness(
                CoBroadcastWithKeyedOperator<String, Either<PaymentEvent, BillEvent>, String, Alert>
                        operator,
                org.apache.flink.api.java.functions.KeySelector<
                                Either<PaymentEvent, BillEvent>, String>
                        key,
                org.apache.flink.api.common.typeinfo.TypeInformation<String> keyType,
                int maxParallelism,
                int parallelism,
                int subtask)
                throws Exception {
            super(operator, key, keyType, maxParallelism, parallelism, subtask);
        }

        int numKeyedStateEntries() {
            return ((HeapKeyedStateBackend<?>) getOperator().getKeyedStateBackend())
                    .numKeyValueStateEntries();
        }
    }

    static long deadline() {
        return DEADLINE;
    }

    static long retention() {
        return RETENTION;
    }

    private void pay(PaymentEvent p) throws Exception {
        h.processElement(Either.Left(p), 0L);
    }

    private void send(BillEvent b) throws Exception {
        h.processElement(Either.Right(b), 0L);
    }

    private List<Alert> alerts() {
        return h.extractOutputValues();
    }

    private void assertZeroStateAndTimers() {
        assertThat(h.numKeyedStateEntries()).as("keyed state entries").isZero();
        assertThat(h.numProcessingTimeTimers()).as("processing-time timers").isZero();
        assertThat(h.numEventTimeTimers()).as("event-time timers").isZero();
    }
}
