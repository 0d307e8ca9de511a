package dev.recon.rules.dsl;

import dev.recon.model.avro.BillEvent;
import dev.recon.model.avro.PaymentEvent;
import dev.recon.rules.PairRule;
import dev.recon.rules.Tolerance;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rule arithmetic on hostile amounts gives a verdict, never an exception: an overflowing check is a
 * break, and {@code abs(a - b)} saturates, so the amount at risk is the largest there is.
 */
class OverflowSafetyTest {
    private static final long[] HOSTILE = {
        Long.MAX_VALUE, Long.MIN_VALUE + 1, Long.MIN_VALUE, -1, 0, 1_000_000_000_000_000L
    };

    @Test
    void theShippedAmountRuleBreaksAndSaturatesOnOpposedExtremes() {
        PairRule rule =
                rule(
                        "check right.amount_minor within 0 of left.amount_minor"
                                + " at_risk abs(left.amount_minor - right.amount_minor)");
        assertThat(rule.isBreak(payment(Long.MAX_VALUE), bill(Long.MIN_VALUE + 1))).isTrue();
        assertThat(rule.amountAtRisk(payment(Long.MAX_VALUE), bill(Long.MIN_VALUE + 1)))
                .isEqualTo(Long.MAX_VALUE);
        assertThat(rule.amountAtRisk(payment(Long.MIN_VALUE + 1), bill(Long.MAX_VALUE)))
                .isEqualTo(Long.MAX_VALUE);
        assertThat(rule.amountAtRisk(payment(5), bill(8))).isEqualTo(3);
    }

    @Test
    void everyOperatorOnEveryHostilePairGivesAVerdict() {
        String[] checks = {
            "left.amount_minor + right.amount_minor >= 0",
            "left.amount_minor - right.amount_minor <= 5",
            "left.amount_minor * 10000 <= right.amount_minor * 10000",
            "-left.amount_minor < abs(right.amount_minor)",
            "abs(-(left.amount_minor - right.amount_minor)) == 0",
            "right.amount_minor within 5 bps of left.amount_minor",
        };
        for (String check : checks) {
            PairRule rule =
                    rule("check " + check + " at_risk abs(left.amount_minor) * right.amount_minor");
            for (long l : HOSTILE) {
                for (long r : HOSTILE) {
                    rule.isBreak(payment(l), bill(r)); // must not throw
                    assertThat(rule.amountAtRisk(payment(l), bill(r)))
                            .as("%s at %d, %d", check, l, r)
                            .isNotNegative();
                }
            }
        }
    }

    @Test
    void anOverflowingSumIsABreakNotAPass() {
        PairRule rule = rule("check left.amount_minor + right.amount_minor > 0 at_risk 1");
        assertThat(rule.isBreak(payment(Long.MAX_VALUE), bill(1))).isTrue();
        assertThat(rule.isBreak(payment(1), bill(1))).isFalse();
    }

    @Test
    void anAbsoluteToleranceNeverCallsTheMinimumLongWithin() {
        assertThat(Tolerance.exact().within(0, Long.MIN_VALUE)).isFalse();
        assertThat(Tolerance.absolute(5).within(Long.MIN_VALUE, 0)).isFalse();
        assertThat(Tolerance.absolute(5).within(Long.MAX_VALUE, Long.MIN_VALUE)).isFalse();
        assertThat(Tolerance.absolute(5).within(-3, 2)).isTrue();
    }

    private static PairRule rule(String body) {
        Compilation c =
                TestBundles.compileRules("rule t { severity error " + body + " message \"m\" }");
        assertThat(c.ok()).as(c.format()).isTrue();
        return c.ruleSet().reconciliations().get(0).pairRules().get(0);
    }

    private static PaymentEvent payment(long amount) {
        return PaymentEvent.newBuilder()
                .setPaymentId("p")
                .setMerchantId("m")
                .setPayerAccount("a")
                .setAmountMinor(amount)
                .setCurrency("USD")
                .setStatus("SUCCEEDED")
                .setEventTime(1L)
                .setSourceSystem("s")
                .build();
    }

    private static BillEvent bill(long amount) {
        return BillEvent.newBuilder()
                .setBillId("b")
                .setPaymentId("p")
                .setMerchantId("m")
                .setAmountMinor(amount)
                .setCurrency("USD")
                .setStatus("BILLED")
                .setEventTime(1L)
                .setSourceSystem("s")
                .build();
    }
}
