package dev.recon.job.stoploss;

import dev.recon.model.avro.Alert;
import dev.recon.model.avro.AlertAction;
import dev.recon.model.avro.RuleMode;
import dev.recon.model.avro.Severity;
import dev.recon.model.avro.StopLossAction;
import dev.recon.model.avro.StopLossProposal;
import dev.recon.model.avro.StopLossSpec;
import dev.recon.model.avro.StopLossTargetKind;

import java.util.List;

/** Alerts carrying a stop-loss spec, and proposals, as the DSL and the trigger would make them. */
public final class StopLossFixtures {
    static final long WINDOW = 60_000;
    static final long TTL = 300_000;

    private StopLossFixtures() {}

    /** An enforced amount-match break against merchant {@code merchant}. */
    static Alert alert(String id, String merchant, long atRisk, long decidedAt, long threshold) {
        return alert(id, merchant, atRisk, decidedAt, threshold, WINDOW, TTL);
    }

    /** The same, with its own window and TTL. */
    public static Alert alert(
            String id,
            String merchant,
            long atRisk,
            long decidedAt,
            long threshold,
            long windowMs,
            long ttlMs) {
        return Alert.newBuilder()
                .setAlertId(id)
                .setAction(AlertAction.TRIGGER)
                .setRuleId("amount-match")
                .setRuleSetVersion("v1")
                .setReconciliation("payments-vs-bills")
                .setSeverity(Severity.CRITICAL)
                .setMode(RuleMode.ENFORCE)
                .setKey("p-" + id)
                .setMerchantId(merchant)
                .setMessage("break " + id)
                .setAmountAtRiskMinor(atRisk)
                .setCurrency("USD")
                .setEventTime(decidedAt)
                .setDecidedAt(decidedAt)
                .setDetectedAt(decidedAt)
                .setStoploss(
                        StopLossSpec.newBuilder()
                                .setAction(StopLossAction.BLOCK)
                                .setTargetKind(StopLossTargetKind.MERCHANT)
                                .setTarget(merchant)
                                .setThresholdMinor(threshold)
                                .setWindowMs(windowMs)
                                .setTtlMs(ttlMs)
                                .build())
                .build();
    }

    /** A proposal to act on {@code merchant}. */
    static StopLossProposal proposal(String id, String merchant, StopLossAction action) {
        return StopLossProposal.newBuilder()
                .setProposalId(id)
                .setTargetKind(StopLossTargetKind.MERCHANT)
                .setTarget(merchant)
                .setAction(action)
                .setTtlMs(TTL)
                .setRuleId("amount-match")
                .setProposedAt(0)
                .setBreakCount(12)
                .setEvidenceAlertIds(List.of("a1", "a2"))
                .setEvidenceAmountMinor(500_000)
                .setCurrency("USD")
                .setWindowMs(WINDOW)
                .setThresholdMinor(100_000)
                .build();
    }
}
