package dev.recon.loadgen;

import dev.recon.model.avro.Alert;

/**
 * An alert read from the alerts topic, as shown in a {@link CheckReport}.
 *
 * @param alertId the alert's id
 * @param ruleId rule that fired
 * @param key join key (payment id)
 * @param action TRIGGER or RESOLVE
 * @param mode ENFORCE or SHADOW
 * @param detectedAt when the engine emitted it (first delivery), epoch ms
 * @param faultClass the fault injected for that payment, or null when the payment was clean
 */
public record SeenAlert(
        String alertId,
        String ruleId,
        String key,
        String action,
        String mode,
        long detectedAt,
        FaultClass faultClass) {

    /** Summarises an alert, with the fault injected for its key (or null). */
    public static SeenAlert of(Alert a, FaultClass faultClass) {
        return new SeenAlert(
                a.getAlertId(),
                a.getRuleId(),
                a.getKey(),
                a.getAction().name(),
                a.getMode().name(),
                a.getDetectedAt(),
                faultClass);
    }
}
