package dev.recon.job.operators;

import dev.recon.model.avro.MatchPhase;
import dev.recon.model.avro.MatchState;

/**
 * Whether a due missing verdict waits, and until when: for one full deadline after the job
 * (re)starts, and while the counterpart stream lags ({@link StreamProgress}), at most the lag hold
 * past the time the verdict first fell due.
 */
final class VerdictHold {
    /** Returned when the verdict is issued now. */
    static final long NOW = -1;

    private final StreamProgress progress;
    private final MatchMetrics metrics;
    private final long lagHoldMs;
    private long startedAt = -1; // the first element or timer, in processing time

    VerdictHold(Lateness lateness, MatchMetrics metrics) {
        this.progress = new StreamProgress(lateness.outOfOrdernessMs());
        this.metrics = metrics;
        this.lagHoldMs = lateness.lagHoldMs();
        metrics.progress(progress);
    }

    /** A payment of {@code eventTime} arrived at processing time {@code now}. */
    void leftRead(long eventTime, long now) {
        startedAt(now);
        progress.leftRead(eventTime, now);
    }

    /** A bill of {@code eventTime} arrived at processing time {@code now}. */
    void rightRead(long eventTime, long now) {
        startedAt(now);
        progress.rightRead(eventTime, now);
    }

    /**
     * When to look again at the key's missing verdict, due by its timer {@code ts}, or {@link
     * #NOW}. A held verdict records in {@code s} when it first fell due.
     */
    long until(MatchState s, long ts, long now, long watermark, Verdicts verdicts) {
        long start = afterStart(s, now, verdicts);
        if (start != NOW) {
            metrics.deferredVerdicts.inc();
            return start;
        }
        return forLag(s, ts, now, watermark, verdicts);
    }

    /**
     * After the job (re)starts, its sources first read a backlog: a deadline due in the first
     * deadline after start could fire before the counterpart is read. Such verdicts wait until one
     * full deadline has passed since start, so a restore never raises a false "missing".
     */
    private long afterStart(MatchState s, long now, Verdicts verdicts) {
        long deadline;
        if (s.getPhase() == MatchPhase.AWAITING_BILL) {
            deadline = verdicts.rightDeadlineMs();
        } else if (s.getPhase() == MatchPhase.AWAITING_PAYMENT) {
            deadline = verdicts.leftDeadlineMs();
        } else {
            return NOW;
        }
        long earliest = startedAt(now) + deadline;
        return now >= earliest ? NOW : earliest;
    }

    /**
     * A due verdict waits while the counterpart stream, or one of its partitions (the watermark),
     * is still being read but has not reached the deadline in its own event time (its consumer
     * lags, the counterpart may be in the backlog), at most the lag hold past the time it first
     * fell due.
     */
    private long forLag(MatchState s, long ts, long now, long wm, Verdicts verdicts) {
        boolean awaitingBill = s.getPhase() == MatchPhase.AWAITING_BILL;
        if (lagHoldMs == 0 || !awaitingBill && s.getPhase() != MatchPhase.AWAITING_PAYMENT) {
            return NOW;
        }
        long dueAt = s.getDueAt() >= 0 ? s.getDueAt() : ts;
        long at =
                awaitingBill
                        ? progress.recheckAt(
                                false,
                                s.getPayment().getEventTime(),
                                verdicts.rightDeadlineMs(),
                                wm,
                                now)
                        : progress.recheckAt(
                                true,
                                s.getBill().getEventTime(),
                                verdicts.leftDeadlineMs(),
                                wm,
                                now);
        if (at < 0 || now >= dueAt + lagHoldMs) {
            return NOW;
        }
        if (s.getDueAt() < 0) {
            s.setDueAt(dueAt);
            metrics.heldVerdicts.inc();
        }
        return Math.min(at, dueAt + lagHoldMs);
    }

    private long startedAt(long now) {
        if (startedAt < 0) {
            startedAt = now;
        }
        return startedAt;
    }
}
