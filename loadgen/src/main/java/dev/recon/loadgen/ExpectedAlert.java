package dev.recon.loadgen;

import java.util.Objects;

/**
 * An alert the engine must emit for an injected fault.
 *
 * @param alertId deterministic id, {@code AlertIds.of("payments-vs-bills", ruleId, paymentId,
 *     discriminator)}
 * @param ruleId rule that must fire
 * @param faultClass the injected fault
 * @param paymentId join key of the break
 * @param discriminator bill id that tells breaks of one rule and key apart, or ""
 * @param decidedAt wall clock (epoch ms) at which the break became decidable
 */
public record ExpectedAlert(
        String alertId,
        String ruleId,
        FaultClass faultClass,
        String paymentId,
        String discriminator,
        long decidedAt) {

    /** Validates that no field is null. */
    public ExpectedAlert {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(faultClass, "faultClass");
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(discriminator, "discriminator");
    }
}
