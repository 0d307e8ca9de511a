package dev.recon.loadgen;

import dev.recon.model.avro.Alert;
import dev.recon.model.avro.AlertAction;
import dev.recon.model.avro.RuleMode;
import dev.recon.model.avro.Severity;

/** Builds alerts as the engine would write them (test helper). */
public final class TestAlerts {
    private TestAlerts() {}

    /** An ENFORCE TRIGGER. */
    public static Alert trigger(String id, String rule, String key, long detectedAt) {
        return alert(id, rule, key, AlertAction.TRIGGER, RuleMode.ENFORCE, detectedAt);
    }

    /** The engine's alert for an expected one, detected {@code latency} ms after the decision. */
    public static Alert of(ExpectedAlert e, long latency) {
        return trigger(e.alertId(), e.ruleId(), e.paymentId(), e.decidedAt() + latency);
    }

    /** Any alert. */
    public static Alert alert(
            String id,
            String rule,
            String key,
            AlertAction action,
            RuleMode mode,
            long detectedAt) {
        return Alert.newBuilder()
                .setAlertId(id)
                .setAction(action)
                .setRuleId(rule)
                .setRuleSetVersion("v-test")
                .setReconciliation(GroundTruth.RECONCILIATION)
                .setSeverity(Severity.ERROR)
                .setMode(mode)
                .setKey(key)
                .setMerchantId("m-001")
                .setMessage(rule + " on " + key)
                .setLeft(null)
                .setRight(null)
                .setAmountAtRiskMinor(100)
                .setCurrency("USD")
                .setEventTime(detectedAt - 1)
                .setDecidedAt(detectedAt - 1)
                .setDetectedAt(detectedAt)
                .build();
    }
}
