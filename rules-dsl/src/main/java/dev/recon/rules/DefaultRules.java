package dev.recon.rules;

import dev.recon.model.avro.BillEvent;
import dev.recon.model.avro.PaymentEvent;
import dev.recon.model.avro.RuleMode;
import dev.recon.model.avro.Severity;
import dev.recon.model.avro.StopLossAction;
import dev.recon.rules.expr.Exprs;
import dev.recon.rules.expr.Fields;
import dev.recon.rules.expr.LongExpr;
import dev.recon.rules.expr.StringExpr;

import org.apache.avro.Schema;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The default rule set: payment core (left) against billing (right). */
public final class DefaultRules {
    /** Name of the default reconciliation; part of every alert id. */
    public static final String RECONCILIATION = "payments-vs-bills";

    /** Payment status to the bill statuses that settle it. */
    public static final Map<String, Set<String>> STATUS_MAP =
            Map.of(
                    "SUCCEEDED", Set.of("BILLED"),
                    "REFUNDED", Set.of("REFUNDED"),
                    "FAILED", Set.of("REVERSED"));

    /**
     * A double charge holds the merchant's settlement for 30 min once more than 1,000.00 is at risk
     * against it within 5 min.
     */
    public static final StopLoss DUPLICATE_BILL_STOP_LOSS =
            StopLoss.merchant(
                    StopLossAction.HOLD, 100_000, Duration.ofMinutes(5), Duration.ofMinutes(30));

    private DefaultRules() {}

    /** The default rule set with the given deadline for both sides, tolerance and retention. */
    public static RuleSet paymentsVsBills(
            Duration deadline, Tolerance tolerance, Duration retention) {
        return paymentsVsBills(deadline, tolerance, retention, "payments", "bills");
    }

    /** As above, with explicit topic names. */
    public static RuleSet paymentsVsBills(
            Duration deadline,
            Tolerance tolerance,
            Duration retention,
            String paymentsTopic,
            String billsTopic) {
        Schema p = PaymentEvent.getClassSchema();
        Schema b = BillEvent.getClassSchema();
        StreamSpec left =
                new StreamSpec(
                        "payments", paymentsTopic, p, "payment_id", "payment_id", "event_time");
        StreamSpec right =
                new StreamSpec("bills", billsTopic, b, "payment_id", "bill_id", "event_time");
        return RuleSet.of(
                List.of(
                        new Reconciliation(
                                RECONCILIATION,
                                left,
                                right,
                                deadline,
                                deadline,
                                retention,
                                pairRules(p, b, tolerance),
                                lifecycle(
                                        "bill-missing",
                                        Severity.CRITICAL,
                                        "no bill for payment {left.payment_id} of {left.amount_minor} {left.currency} within the deadline",
                                        p,
                                        b),
                                lifecycle(
                                        "payment-missing",
                                        Severity.CRITICAL,
                                        "bill {right.bill_id} of {right.amount_minor} {right.currency} has no payment {right.payment_id} (orphan)",
                                        p,
                                        b),
                                lifecycle(
                                                "duplicate-bill",
                                                Severity.CRITICAL,
                                                "second bill {right.bill_id} of {right.amount_minor} {right.currency} for payment {right.payment_id}: double charge",
                                                p,
                                                b)
                                        .withStopLoss(DUPLICATE_BILL_STOP_LOSS),
                                lifecycle(
                                        "payment-conflict",
                                        Severity.ERROR,
                                        "payment {left.payment_id} delivered again with different content",
                                        p,
                                        b))));
    }

    private static List<PairRule> pairRules(Schema p, Schema b, Tolerance tolerance) {
        LongExpr pAmount = Fields.longField(Side.LEFT, p, "amount_minor");
        LongExpr bAmount = Fields.longField(Side.RIGHT, b, "amount_minor");
        StringExpr pCurrency = Fields.stringField(Side.LEFT, p, "currency");
        StringExpr bCurrency = Fields.stringField(Side.RIGHT, b, "currency");
        StringExpr pStatus = Fields.stringField(Side.LEFT, p, "status");
        StringExpr bStatus = Fields.stringField(Side.RIGHT, b, "status");
        return List.of(
                PairRule.builder("amount-match")
                        .setSeverity(Severity.CRITICAL)
                        .setOwner("fund-safety")
                        .setWhen(Exprs.equal(pCurrency, bCurrency))
                        .setCheck(Exprs.within(pAmount, bAmount, tolerance))
                        .setAtRisk(Exprs.absDiff(pAmount, bAmount))
                        .setMessage(
                                MessageTemplate.compile(
                                        "bill {right.bill_id} amount {right.amount_minor} differs from payment amount {left.amount_minor} {left.currency}",
                                        p,
                                        b))
                        .build(),
                PairRule.builder("currency-match")
                        .setSeverity(Severity.CRITICAL)
                        .setOwner("fund-safety")
                        .setCheck(Exprs.equal(pCurrency, bCurrency))
                        .setAtRisk(pAmount)
                        .setMessage(
                                MessageTemplate.compile(
                                        "bill {right.bill_id} currency {right.currency} differs from payment currency {left.currency}",
                                        p,
                                        b))
                        .build(),
                PairRule.builder("status-consistent")
                        .setSeverity(Severity.ERROR)
                        .setOwner("fund-safety")
                        .setCheck(Exprs.mapsTo(pStatus, bStatus, STATUS_MAP))
                        .setAtRisk(pAmount)
                        .setMessage(
                                MessageTemplate.compile(
                                        "bill {right.bill_id} status {right.status} is inconsistent with payment status {left.status}",
                                        p,
                                        b))
                        .build());
    }

    private static LifecycleRule lifecycle(
            String id, Severity severity, String message, Schema p, Schema b) {
        return LifecycleRule.of(
                id,
                severity,
                RuleMode.ENFORCE,
                "fund-safety",
                MessageTemplate.compile(message, p, b));
    }
}
