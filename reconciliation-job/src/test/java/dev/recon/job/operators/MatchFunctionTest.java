package dev.recon.job.operators;

import dev.recon.job.rules.DefaultRuleSetProvider;
import dev.recon.model.AlertIds;
import dev.recon.model.avro.Alert;
import dev.recon.model.avro.AlertAction;
import dev.recon.model.avro.BillEvent;
import dev.recon.model.avro.PaymentEvent;
import dev.recon.rules.DefaultRules;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.recon.job.testing.Records.bill;
import static dev.recon.job.testing.Records.payment;
import static org.assertj.core.api.Assertions.assertThat;

/** Tests for {@link MatchFunction}: every verdict, and that state and timers return to zero. */
class MatchFunctionTest {
    private static final long DEADLINE = 5_000;
    private static final long RETENTION = 60_000;

    private KeyedTwoInputStreamOperatorTestHarness<String, PaymentEvent, BillEvent, Alert> h;

    @BeforeEach
    void setUp() throws Exception {
        h = harness("exact");
    }

    @AfterEach
    void tearDown() throws Exception {
        h.close();
    }

    static KeyedTwoInputStreamOperatorTestHarness<String, PaymentEvent, BillEvent, Alert> harness(
            String tolerance) throws Exception {
        return harness(tolerance, null);
    }

    /** A harness restored from a snapshot of an earlier one. */
    static KeyedTwoInputStreamOperatorTestHarness<String, PaymentEvent, BillEvent, Alert> restored(
            OperatorSubtaskState snapshot) throws Exception {
        return harness("exact", snapshot);
    }

    private static KeyedTwoInputStreamOperatorTestHarness<String, PaymentEvent, BillEvent, Alert>
            harness(String tolerance, OperatorSubtaskState snapshot) throws Exception {
        var provider =
                new DefaultRuleSetProvider(
                        Duration.ofMillis(DEADLINE),
                        tolerance,
                        Duration.ofMillis(RETENTION),
                        "payments",
                        "bills");
        var harness =
                new KeyedTwoInputStreamOperatorTestHarness<>(
                        new KeyedCoProcessOperator<>(new MatchFunction(provider)),
                        PaymentEvent::getPaymentId,
                        BillEvent::getPaymentId,
                        Types.STRING);
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
        h.processElement1(new StreamRecord<>(payment("p1", 1000)));
        assertThat(h.numKeyedStateEntries()).isEqualTo(1);
        h.processElement2(new StreamRecord<>(bill("b1", "p1", 1000)));
        h.setProcessingTime(DEADLINE + 1);
        assertThat(alerts()).isEmpty();
        assertThat(h.numProcessingTimeTimers()).as("only the retention timer").isEqualTo(1);
        h.setProcessingTime(RETENTION + 1);
        assertZeroStateAndTimers();
    }

    @Test
    void amountMismatchAlertsWithTheDifferenceAtRisk() throws Exception {
        h.processElement1(new StreamRecord<>(payment("p1", 1000)));
        h.processElement2(new StreamRecord<>(bill("b1", "p1", 1003)));
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
        h.processElement2(new StreamRecord<>(b));
        h.processElement1(new StreamRecord<>(payment("p1", 1000)));
        assertThat(alerts()).extracting(Alert::getRuleId).containsExactly("currency-match");
        assertThat(alerts().get(0).getAmountAtRiskMinor()).isEqualTo(1000);
    }

    @Test
    void statusMismatchAlerts() throws Exception {
        BillEvent b = bill("b1", "p1", 1000);
        b.setStatus("REVERSED");
        h.processElement1(new StreamRecord<>(payment("p1", 1000)));
        h.processElement2(new StreamRecord<>(b));
        assertThat(alerts()).extracting(Alert::getRuleId).containsExactly("status-consistent");
    }

    @Test
    void missingBillFiresAtTheDeadlineNotBefore() throws Exception {
        h.setProcessingTime(100);
        h.processElement1(new StreamRecord<>(payment("p1", 1000)));
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
        h.processElement1(new StreamRecord<>(payment("p1", 1000)));
        h.setProcessingTime(DEADLINE);
        h.processElement2(new StreamRecord<>(bill("b1", "p1", 999)));
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
        h.processElement2(new StreamRecord<>(bill("b9", "p9", 500)));
        h.setProcessingTime(DEADLINE);
        assertThat(alerts()).extracting(Alert::getRuleId).containsExactly("payment-missing");
        assertThat(alerts().get(0).getAlertId())
                .isEqualTo(AlertIds.of(DefaultRules.RECONCILIATION, "payment-missing", "p9", "b9"));
        h.processElement1(new StreamRecord<>(payment("p9", 500)));
        assertThat(alerts())
                .extracting(Alert::getAction)
                .containsExactly(AlertAction.TRIGGER, AlertAction.RESOLVE);
        h.setProcessingTime(DEADLINE + RETENTION);
        assertZeroStateAndTimers();
    }

    @Test
    void secondBillIdIsADoubleChargeButRedeliveryIsNot() throws Exception {
        h.processElement1(new StreamRecord<>(payment("p1", 1000)));
        h.processElement2(new StreamRecord<>(bill("b1", "p1", 1000)));
        h.processElement2(new StreamRecord<>(bill("b1", "p1", 1000)));
        assertThat(alerts()).isEmpty();
        h.processElement2(new StreamRecord<>(bill("b2", "p1", 1000)));
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
        h.processElement2(new StreamRecord<>(bill("b2", "p1", 1000)));
        assertThat(alerts()).as("a redelivered duplicate adds nothing").hasSize(1);
        h.setProcessingTime(RETENTION);
        assertZeroStateAndTimers();
    }

    @Test
    void duplicateBillBeforeThePaymentStillAlertsOnce() throws Exception {
        h.processElement2(new StreamRecord<>(bill("b1", "p1", 1000)));
        h.processElement2(new StreamRecord<>(bill("b2", "p1", 1000)));
        h.processElement1(new StreamRecord<>(payment("p1", 1000)));
        assertThat(alerts()).extracting(Alert::getRuleId).containsExactly("duplicate-bill");
    }

    @Test
    void billBeforePaymentIsNotABreak() throws Exception {
        h.setProcessingTime(0);
        h.processElement2(new StreamRecord<>(bill("b1", "p1", 1000)));
        h.setProcessingTime(DEADLINE - 1);
        h.processElement1(new StreamRecord<>(payment("p1", 1000)));
        h.setProcessingTime(DEADLINE + 1);
        assertThat(alerts()).isEmpty();
        h.setProcessingTime(DEADLINE + RETENTION);
        assertZeroStateAndTimers();
    }

    @Test
    void redeliveredPaymentIsIgnoredButAlteredOneConflicts() throws Exception {
        h.processElement1(new StreamRecord<>(payment("p1", 1000)));
        h.processElement1(new StreamRecord<>(payment("p1", 1000)));
        assertThat(alerts()).isEmpty();
        h.processElement1(new StreamRecord<>(payment("p1", 2000)));
        assertThat(alerts()).extracting(Alert::getRuleId).containsExactly("payment-conflict");
    }

    @Test
    void basisPointToleranceAcceptsSmallDifferences() throws Exception {
        h.close();
        h = harness("10bps"); // 0.1 %
        h.processElement1(new StreamRecord<>(payment("p1", 100_000)));
        h.processElement2(new StreamRecord<>(bill("b1", "p1", 100_100)));
        h.processElement1(new StreamRecord<>(payment("p2", 100_000)));
        h.processElement2(new StreamRecord<>(bill("b2", "p2", 100_101)));
        assertThat(alerts()).extracting(Alert::getKey).containsExactly("p2");
    }

    @Test
    void alertIdsAreStableAcrossRestoreFromSnapshot() throws Exception {
        h.setProcessingTime(0);
        h.processElement1(new StreamRecord<>(payment("p1", 1000)));
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
        h.processElement1(new StreamRecord<>(payment("p1", 1000)));
        h.processElement1(new StreamRecord<>(payment("p2", 1000)));
        var snapshot = h.snapshot(1, 1);
        h.close();
        h = restored(snapshot);
        h.setProcessingTime(30_000); // the job was down for 30 s; both deadlines have passed
        assertThat(alerts()).as("no verdict while the counterpart may be unread").isEmpty();
        h.processElement2(new StreamRecord<>(bill("b1", "p1", 1000))); // read from the backlog
        h.setProcessingTime(30_000 + DEADLINE);
        assertThat(alerts())
                .extracting(Alert::getRuleId, Alert::getKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("bill-missing", "p2"));
        h.setProcessingTime(30_000 + DEADLINE + RETENTION);
        assertZeroStateAndTimers();
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
