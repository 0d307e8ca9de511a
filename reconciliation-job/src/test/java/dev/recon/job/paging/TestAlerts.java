package dev.recon.job.paging;

import dev.recon.model.AlertIds;
import dev.recon.model.avro.Alert;
import dev.recon.model.avro.AlertAction;
import dev.recon.model.avro.RuleMode;
import dev.recon.model.avro.Severity;

import java.util.Map;

/** Alerts for paging tests. */
final class TestAlerts {
    private TestAlerts() {}

    static Alert trigger(String rule, String merchant, String key, long amount) {
        return alert(AlertAction.TRIGGER, rule, merchant, key, amount, Severity.CRITICAL);
    }

    static Alert resolve(String rule, String merchant, String key, long amount) {
        return alert(AlertAction.RESOLVE, rule, merchant, key, amount, Severity.CRITICAL);
    }

    static Alert alert(
            AlertAction action,
            String rule,
            String merchant,
            String key,
            long amount,
            Severity severity) {
        return Alert.newBuilder()
                .setAlertId(AlertIds.of("payments-vs-bills", rule, key, ""))
                .setAction(action)
                .setRuleId(rule)
                .setRuleSetVersion("v1")
                .setReconciliation("payments-vs-bills")
                .setSeverity(severity)
                .setMode(RuleMode.ENFORCE)
                .setKey(key)
                .setMerchantId(merchant)
                .setMessage(rule + " for " + key)
                .setLeft(Map.of("payment_id", key))
                .setRight(null)
                .setAmountAtRiskMinor(amount)
                .setCurrency("USD")
                .setEventTime(1_000L)
                .setDecidedAt(2_000L)
                .setDetectedAt(2_001L)
                .build();
    }
}
