package dev.recon.rules.dsl;

import dev.recon.model.avro.BillEvent;
import dev.recon.model.avro.PaymentEvent;
import dev.recon.model.avro.StopLossAction;
import dev.recon.model.avro.StopLossTargetKind;
import dev.recon.rules.DefaultRules;
import dev.recon.rules.PairRule;
import dev.recon.rules.Reconciliation;
import dev.recon.rules.Side;
import dev.recon.rules.StopLoss;
import dev.recon.rules.Tolerance;
import dev.recon.rules.expr.Fields;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code stoploss} clause: compiled onto the rule's header, read from the pair, explained. */
class StopLossTest {
    private static final String RULE =
            "rule r1 { severity error check left.amount_minor < 0 at_risk left.amount_minor"
                    + " message \"m\" %s }";

    private static PairRule rule(String stopLoss) {
        Compilation c = TestBundles.compileRules(RULE.formatted(stopLoss));
        assertThat(c.ok()).as(c.format()).isTrue();
        return c.ruleSet().reconciliations().get(0).pairRules().get(0);
    }

    private static PaymentEvent payment(String merchant, String source) {
        return PaymentEvent.newBuilder()
                .setPaymentId("p-1")
                .setMerchantId(merchant)
                .setPayerAccount("a-1")
                .setAmountMinor(500)
                .setCurrency("USD")
                .setStatus("SUCCEEDED")
                .setEventTime(1L)
                .setSourceSystem(source)
                .build();
    }

    @Test
    void aRuleWithoutTheClauseHasNoStopLoss() {
        assertThat(rule("").header().stopLoss()).isNull();
    }

    @Test
    void aMerchantStopLossTakesTheAlertsMerchant() {
        StopLoss s =
                rule("stoploss hold merchant over 100_000 within 5m ttl 30m").header().stopLoss();
        assertThat(s)
                .isEqualTo(
                        StopLoss.merchant(
                                StopLossAction.HOLD,
                                100_000,
                                Duration.ofMinutes(5),
                                Duration.ofMinutes(30)));
        assertThat(s.targetOf(payment("m-1", "core"), null, "m-9")).isEqualTo("m-9");
    }

    @Test
    void aChannelStopLossReadsItsFieldFromThePair() {
        StopLoss s = rule("stoploss block channel left.source_system ttl 1h").header().stopLoss();
        assertThat(s.action()).isEqualTo(StopLossAction.BLOCK);
        assertThat(s.targetKind()).isEqualTo(StopLossTargetKind.CHANNEL);
        assertThat(s.thresholdMinor()).isZero();
        assertThat(s.window()).isZero();
        assertThat(s.ttl()).isEqualTo(Duration.ofHours(1));
        assertThat(s.targetOf(payment("m-1", "core"), null, "m-1")).isEqualTo("core");
        assertThat(s.targetOf(null, null, "m-1")).as("no record, no target").isNull();
        assertThat(s.describe()).isEqualTo("stoploss block channel left.source_system ttl 1h");
    }

    @Test
    void aRouteOnTheRightReadsTheBill() {
        StopLoss s =
                rule("stoploss hold route bills.source_system over 0 within 1s ttl 2s")
                        .header()
                        .stopLoss();
        BillEvent bill =
                BillEvent.newBuilder()
                        .setBillId("b-1")
                        .setPaymentId("p-1")
                        .setMerchantId("m-1")
                        .setAmountMinor(1)
                        .setCurrency("USD")
                        .setStatus("BILLED")
                        .setEventTime(1L)
                        .setSourceSystem("acquirer-7")
                        .build();
        assertThat(s.targetOf(payment("m-1", "core"), bill, "m-1")).isEqualTo("acquirer-7");
        assertThat(s.target().fields()).extracting(f -> f.side()).containsExactly(Side.RIGHT);
    }

    @Test
    void theShippedDuplicateBillRuleHoldsTheMerchantLikeDefaultRules() throws IOException {
        RuleBundle shipped = RuleBundle.fromPath(Path.of("../rules"));
        Compilation c = RuleCompiler.compile(RuleBundle.fromJson(shipped.toJson()));
        assertThat(c.ok()).as(c.format()).isTrue();
        Reconciliation r = c.ruleSet().reconciliations().get(0);
        Reconciliation java =
                DefaultRules.paymentsVsBills(
                                Duration.ofSeconds(5), Tolerance.exact(), Duration.ofMinutes(10))
                        .reconciliations()
                        .get(0);
        assertThat(r.duplicateRight().header().stopLoss())
                .isEqualTo(java.duplicateRight().header().stopLoss())
                .isEqualTo(DefaultRules.DUPLICATE_BILL_STOP_LOSS);
        assertThat(r.rightMissing().header().stopLoss()).isNull();
        assertThat(c.explain())
                .contains(
                        "stoploss hold the merchant of the alert (merchant_id) when more than"
                                + " 100000 minor units are at risk against it within 5m, for 30m");
    }

    @Test
    void theStopLossIsPartOfTheVersion() {
        Compilation plain = TestBundles.compileRules(RULE.formatted(""));
        Compilation held =
                TestBundles.compileRules(RULE.formatted("stoploss hold merchant ttl 1m"));
        assertThat(held.version()).isNotEqualTo(plain.version());
        assertThat(held.ruleSet().describe()).contains("stoploss hold merchant ttl 1m");
    }

    @Test
    void theModelRefusesInconsistentStopLosses() {
        var field = Fields.stringField(Side.LEFT, PaymentEvent.getClassSchema(), "source_system");
        Duration m = Duration.ofMinutes(1);
        assertThatThrownBy(
                        () ->
                                new StopLoss(
                                        StopLossAction.HOLD,
                                        StopLossTargetKind.MERCHANT,
                                        field,
                                        0,
                                        Duration.ZERO,
                                        m))
                .hasMessageContaining("merchant takes no target field");
        assertThatThrownBy(() -> StopLoss.merchant(StopLossAction.HOLD, 5, Duration.ZERO, m))
                .hasMessageContaining("threshold needs a window");
        assertThatThrownBy(
                        () ->
                                StopLoss.merchant(
                                        StopLossAction.HOLD, 0, Duration.ZERO, Duration.ZERO))
                .hasMessageContaining("ttl > 0");
    }

    @Test
    void aLifecycleRuleCannotReadTheRecordItHasNot() {
        var bills = Fields.stringField(Side.RIGHT, BillEvent.getClassSchema(), "source_system");
        Reconciliation r =
                DefaultRules.paymentsVsBills(
                                Duration.ofSeconds(5), Tolerance.exact(), Duration.ofMinutes(10))
                        .reconciliations()
                        .get(0);
        StopLoss onBills =
                new StopLoss(
                        StopLossAction.BLOCK,
                        StopLossTargetKind.ROUTE,
                        bills,
                        0,
                        Duration.ZERO,
                        Duration.ofMinutes(1));
        assertThatThrownBy(
                        () ->
                                new Reconciliation(
                                        r.name(),
                                        r.left(),
                                        r.right(),
                                        r.rightDeadline(),
                                        r.leftDeadline(),
                                        r.retention(),
                                        r.pairRules(),
                                        r.rightMissing().withStopLoss(onBills),
                                        r.leftMissing(),
                                        r.duplicateRight(),
                                        r.conflictingLeft()))
                .hasMessageContaining(
                        "the stop-loss of rule bill-missing reads right.source_system")
                .hasMessageContaining("only has the left record");
    }
}
