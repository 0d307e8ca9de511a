package dev.recon.job.operators;

import dev.recon.model.AlertIds;
import dev.recon.model.avro.Alert;
import dev.recon.model.avro.AlertAction;
import dev.recon.model.avro.StopLossSpec;
import dev.recon.rules.Reconciliation;
import dev.recon.rules.RuleHeader;
import dev.recon.rules.StopLoss;

import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds {@link Alert}s of one reconciliation and rule-set version. */
final class AlertFactory {
    private final String reconciliation;
    private final String version;

    AlertFactory(Reconciliation reconciliation, String version) {
        this.reconciliation = reconciliation.name();
        this.version = version;
    }

    /** The facts of one break, as the matcher knows them. */
    record Break(
            RuleHeader rule,
            String key,
            String discriminator,
            IndexedRecord left,
            IndexedRecord right,
            String merchant,
            String message,
            long amountAtRisk,
            String currency,
            long eventTime,
            long decidedAt) {}

    Alert trigger(Break b, long now) {
        return build(b, AlertAction.TRIGGER, b.message(), now);
    }

    Alert resolve(Break b, long now) {
        return build(b, AlertAction.RESOLVE, "resolved: " + b.message(), now);
    }

    String id(RuleHeader rule, String key, String discriminator) {
        return AlertIds.of(reconciliation, rule.id(), key, discriminator);
    }

    private Alert build(Break b, AlertAction action, String message, long now) {
        return Alert.newBuilder()
                .setAlertId(id(b.rule(), b.key(), b.discriminator()))
                .setAction(action)
                .setRuleId(b.rule().id())
                .setRuleSetVersion(version)
                .setReconciliation(reconciliation)
                .setSeverity(b.rule().severity())
                .setMode(b.rule().mode())
                .setKey(b.key())
                .setMerchantId(b.merchant())
                .setMessage(message)
                .setLeft(values(b.left()))
                .setRight(values(b.right()))
                .setAmountAtRiskMinor(b.amountAtRisk())
                .setCurrency(b.currency() == null ? "" : b.currency())
                .setEventTime(b.eventTime())
                .setDecidedAt(b.decidedAt())
                .setDetectedAt(now)
                .setStoploss(stopLoss(b))
                .build();
    }

    /** The rule's stop-loss with its target resolved from the break; null without a target. */
    private static StopLossSpec stopLoss(Break b) {
        StopLoss s = b.rule().stopLoss();
        String target = s == null ? null : s.targetOf(b.left(), b.right(), b.merchant());
        if (target == null) {
            return null;
        }
        return StopLossSpec.newBuilder()
                .setAction(s.action())
                .setTargetKind(s.targetKind())
                .setTarget(target)
                .setThresholdMinor(s.thresholdMinor())
                .setWindowMs(s.window().toMillis())
                .setTtlMs(s.ttl().toMillis())
                .build();
    }

    private static Map<String, String> values(IndexedRecord r) {
        if (r == null) {
            return null;
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (Schema.Field f : r.getSchema().getFields()) {
            Object v = r.get(f.pos());
            m.put(f.name(), v == null ? "null" : v.toString());
        }
        return m;
    }
}
