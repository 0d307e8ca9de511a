package dev.recon.job.stoploss.internal;

import dev.recon.model.StopLossJson.UnblockRequest;
import dev.recon.model.avro.StopLossAction;
import dev.recon.model.avro.StopLossCommand;
import dev.recon.model.avro.StopLossCommandType;
import dev.recon.model.avro.StopLossMode;
import dev.recon.model.avro.StopLossOutcome;
import dev.recon.model.avro.StopLossProposal;

import java.util.List;

/**
 * Builds the governor's decisions as {@link StopLossCommand}s with deterministic ids: an issue or
 * renewal from the proposal's id, an expiry from the episode (the issuing command's id) and its
 * expiry time, an unblock from the episode and the request text.
 */
public final class Commands {
    private final StopLossMode mode;

    /** Decisions in this mode. */
    public Commands(StopLossMode mode) {
        this.mode = mode;
    }

    /** A new HOLD or BLOCK until {@code now + ttl}. */
    public StopLossCommand issue(StopLossProposal p, long now, int activeAfter) {
        StopLossCommandType type = StopLossCommandType.valueOf(p.getAction().name());
        return fromProposal(p, type, StopLossOutcome.ISSUED, now, activeAfter)
                .setExpiresAt(now + p.getTtlMs())
                .build();
    }

    /** Extends the action in force; it keeps its (stronger or equal) action. */
    public StopLossCommand renew(StopLossCommand active, StopLossProposal p, long now, int count) {
        return fromProposal(p, StopLossCommandType.RENEW, StopLossOutcome.RENEWED, now, count)
                .setAction(active.getAction())
                .setExpiresAt(Math.max(active.getExpiresAt(), now + p.getTtlMs()))
                .build();
    }

    /** An audit-only refusal: the cap of actions in force is reached. */
    public StopLossCommand refuse(StopLossProposal p, long now, int count, int cap) {
        StopLossCommandType type = StopLossCommandType.valueOf(p.getAction().name());
        return fromProposal(p, type, StopLossOutcome.REFUSED_CAP, now, count)
                .setExpiresAt(now + p.getTtlMs())
                .setReason("cap of " + cap + " actions in force reached; " + reason(p))
                .build();
    }

    /** The action lapsed at {@code expiresAt} without renewal. */
    public StopLossCommand expire(StopLossCommand active, long now, int activeAfter) {
        return StopLossCommand.newBuilder(active)
                .setCommandId(
                        StopLossIds.of(
                                "EXPIRE",
                                target(active),
                                active.getCommandId(),
                                Long.toString(active.getExpiresAt())))
                .setCommand(StopLossCommandType.EXPIRE)
                .setOutcome(StopLossOutcome.EXPIRED)
                .setIssuedAt(now)
                .setReason("not renewed within its TTL; " + active.getReason())
                .setActiveCount(activeAfter)
                .build();
    }

    /** A person ended the action in force. */
    public StopLossCommand unblock(
            StopLossCommand active, UnblockRequest r, String raw, long now, int activeAfter) {
        return StopLossCommand.newBuilder(active)
                .setCommandId(StopLossIds.of("UNBLOCK", target(active), active.getCommandId(), raw))
                .setCommand(StopLossCommandType.UNBLOCK)
                .setOutcome(StopLossOutcome.UNBLOCKED)
                .setIssuedAt(now)
                .setExpiresAt(0)
                .setRequestedBy(r.requestedBy())
                .setReason(r.reason())
                .setActiveCount(activeAfter)
                .build();
    }

    /** An audit-only answer to an unblock of a target with nothing in force. */
    public StopLossCommand notActive(UnblockRequest r, String raw, long now, int count) {
        String target = StopLossIds.target(r.targetKind(), r.target());
        return StopLossCommand.newBuilder()
                .setCommandId(StopLossIds.of("NOT_ACTIVE", target, raw, ""))
                .setCommand(StopLossCommandType.UNBLOCK)
                .setOutcome(StopLossOutcome.NOT_ACTIVE)
                .setMode(mode)
                .setTargetKind(r.targetKind())
                .setTarget(r.target())
                .setAction(StopLossAction.BLOCK) // not written: JSON has "action": null
                .setIssuedAt(now)
                .setExpiresAt(0)
                .setRequestedBy(r.requestedBy())
                .setReason("nothing in force on this target; " + r.reason())
                .setActiveCount(count)
                .build();
    }

    /** For people: {@code rule amount-match, 12 breaks, 5000.00 USD at risk within 60 s ...}. */
    public static String reason(StopLossProposal p) {
        return "rule "
                + p.getRuleId()
                + ", "
                + p.getBreakCount()
                + (p.getBreakCount() == 1 ? " break, " : " breaks, ")
                + Money.format(p.getEvidenceAmountMinor(), p.getCurrency())
                + " at risk within "
                + duration(p.getWindowMs())
                + " (threshold "
                + Money.format(p.getThresholdMinor(), p.getCurrency())
                + ")";
    }

    private StopLossCommand.Builder fromProposal(
            StopLossProposal p,
            StopLossCommandType type,
            StopLossOutcome outcome,
            long now,
            int count) {
        String target = StopLossIds.target(p.getTargetKind(), p.getTarget());
        return StopLossCommand.newBuilder()
                .setCommandId(
                        StopLossIds.of(outcome.name(), target, type.name(), p.getProposalId()))
                .setCommand(type)
                .setOutcome(outcome)
                .setMode(mode)
                .setTargetKind(p.getTargetKind())
                .setTarget(p.getTarget())
                .setAction(p.getAction())
                .setIssuedAt(now)
                .setRuleId(p.getRuleId())
                .setReason(reason(p))
                .setRequestedBy(null)
                .setEvidenceAlertIds(List.copyOf(p.getEvidenceAlertIds()))
                .setEvidenceAmountMinor(p.getEvidenceAmountMinor())
                .setEvidenceCurrency(p.getCurrency())
                .setActiveCount(count);
    }

    private static String duration(long ms) {
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }

    private static String target(StopLossCommand c) {
        return StopLossIds.target(c.getTargetKind(), c.getTarget());
    }
}
