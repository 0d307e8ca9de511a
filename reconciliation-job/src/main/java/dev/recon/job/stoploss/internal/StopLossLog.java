package dev.recon.job.stoploss.internal;

import dev.recon.model.avro.StopLossCommand;
import dev.recon.model.avro.StopLossMode;
import dev.recon.model.avro.StopLossOutcome;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Locale;

/** One WARN line per stop-loss decision, saying what was (or in dry-run would be) done. */
public final class StopLossLog {
    private static final Logger LOG = LoggerFactory.getLogger("dev.recon.stoploss");

    private StopLossLog() {}

    /** Logs the decision. */
    public static void log(StopLossCommand c) {
        LOG.warn(line(c));
    }

    /** Logs a request that was not understood. */
    public static void rejected(String problem) {
        LOG.warn("stop-loss: control request rejected: {}", problem);
    }

    /** The line for a decision, e.g. {@code stop-loss DRY-RUN: would BLOCK merchant m-1 ...}. */
    public static String line(StopLossCommand c) {
        boolean dry = c.getMode() == StopLossMode.DRY_RUN;
        String prefix = dry ? "stop-loss DRY-RUN: " : "stop-loss: ";
        String would = dry ? "would " : "";
        String target = c.getTargetKind().name().toLowerCase(Locale.ROOT) + " " + c.getTarget();
        String until = Instant.ofEpochMilli(c.getExpiresAt()).toString();
        return prefix
                + switch (c.getOutcome()) {
                    case ISSUED -> would + c.getCommand() + " " + target + " until " + until;
                    case RENEWED ->
                            would + "RENEW " + c.getAction() + " " + target + " until " + until;
                    case REFUSED_CAP -> "not issuing " + c.getCommand() + " " + target;
                    case EXPIRED -> c.getAction() + " " + target + " expired at " + until;
                    case UNBLOCKED ->
                            would
                                    + "UNBLOCK "
                                    + target
                                    + " (was "
                                    + c.getAction()
                                    + ") requested by "
                                    + c.getRequestedBy();
                    case NOT_ACTIVE ->
                            "unblock of " + target + " by " + c.getRequestedBy() + " ignored";
                }
                + " ("
                + c.getReason()
                + ")"
                + (c.getOutcome() == StopLossOutcome.REFUSED_CAP ? "; a person must decide" : "");
    }
}
