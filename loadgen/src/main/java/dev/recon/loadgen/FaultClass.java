package dev.recon.loadgen;

import java.util.Optional;

/**
 * The kinds of fault the load generator injects, each with the rule that must (or must not) fire.
 */
public enum FaultClass {
    /** The bill's amount differs from the payment's; same currency. */
    AMOUNT_MISMATCH("amount-match"),
    /** The bill's currency differs from the payment's; same amount. */
    CURRENCY_MISMATCH("currency-match"),
    /** The bill's status does not correspond to the payment's status. */
    STATUS_MISMATCH("status-consistent"),
    /** The payment is sent, its bill never is. */
    BILL_DROPPED("bill-missing"),
    /** A second bill, with another bill id, settles the same payment (double charge). */
    DUPLICATE_BILL("duplicate-bill"),
    /** A bill is sent whose payment never is. */
    ORPHAN_BILL("payment-missing"),
    /** The bill is sent before its payment (a third of the deadline earlier); must not alert. */
    OUT_OF_ORDER(null),
    /** The bill is sent a third of the deadline after its payment; must not alert. */
    LATE_WITHIN_DEADLINE(null),
    /** The very same bill record is sent twice; must not alert. */
    REDELIVERED_BILL(null);

    private final String ruleId;

    FaultClass(String ruleId) {
        this.ruleId = ruleId;
    }

    /** The rule that must fire for this fault, or empty when the fault must not alert. */
    public Optional<String> expectedRuleId() {
        return Optional.ofNullable(ruleId);
    }

    /** Whether this fault must produce exactly one alert. */
    public boolean alerts() {
        return ruleId != null;
    }
}
