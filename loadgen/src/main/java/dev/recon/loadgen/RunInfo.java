package dev.recon.loadgen;

import java.util.Objects;

/**
 * What a generator run was asked to do and when it ran.
 *
 * @param runId unique id of the run; every payment id of the run starts with {@link
 *     #paymentIdPrefix()}
 * @param seed seed of the random generator (fault selection and record contents)
 * @param events payments generated (faulted or not)
 * @param faultFraction fraction of the events that get each fault class
 * @param deadlineMs the engine's deadline the ground truth was computed for
 * @param paymentTopic topic the payments were written to
 * @param billTopic topic the bills were written to
 * @param startedAt wall clock of the first send, epoch ms
 * @param finishedAt wall clock when every record was acknowledged, epoch ms
 */
public record RunInfo(
        String runId,
        long seed,
        long events,
        double faultFraction,
        long deadlineMs,
        String paymentTopic,
        String billTopic,
        long startedAt,
        long finishedAt) {

    /** Validates that no text field is null. */
    public RunInfo {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(paymentTopic, "paymentTopic");
        Objects.requireNonNull(billTopic, "billTopic");
    }

    /** The prefix of every payment id of this run, e.g. {@code p-lq3x9a-}. */
    public String paymentIdPrefix() {
        return "p-" + runId + "-";
    }

    /** The prefix of every bill id of this run, e.g. {@code b-lq3x9a-}. */
    public String billIdPrefix() {
        return "b-" + runId + "-";
    }

    /** Whether a join key (payment id) belongs to this run. */
    public boolean owns(String paymentId) {
        return paymentId != null && paymentId.startsWith(paymentIdPrefix());
    }

    /** A copy with the given finish time. */
    public RunInfo finishedAt(long finishedAtMillis) {
        return new RunInfo(
                runId,
                seed,
                events,
                faultFraction,
                deadlineMs,
                paymentTopic,
                billTopic,
                startedAt,
                finishedAtMillis);
    }
}
