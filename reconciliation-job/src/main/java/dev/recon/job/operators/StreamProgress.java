package dev.recon.job.operators;

/**
 * How far each input of one matcher subtask has been read: the newest event time seen and when a
 * record last arrived. A missing verdict waits while the counterpart stream is still arriving but
 * has not yet reached the verdict's deadline in its own event time: its consumer lags behind the
 * other one, and the counterpart may still be in its backlog. A quiet counterpart stream (nothing
 * for {@link #QUIET_MS}) holds nothing back.
 */
final class StreamProgress {
    /** A stream with no record for this long is quiet, not lagging. */
    static final long QUIET_MS = 1_000;

    /** The shortest wait between two checks of a held verdict. */
    static final long MIN_RECHECK_MS = 50;

    private final Side left = new Side();
    private final Side right = new Side();

    /** A left (payments) record of {@code eventTime} arrived at processing time {@code now}. */
    void leftRead(long eventTime, long now) {
        left.read(eventTime, now);
    }

    /** A right (bills) record of {@code eventTime} arrived at processing time {@code now}. */
    void rightRead(long eventTime, long now) {
        right.read(eventTime, now);
    }

    /**
     * When to look again at a missing verdict that is due now, or -1 when it should be issued: the
     * record of {@code eventTime} waits for a counterpart on the left ({@code counterpartLeft}) or
     * the right stream, at most {@code deadlineMs} later in that stream's event time. The stream
     * must reach nine tenths of the deadline: the last tenth allows for ordinary differences in
     * read latency, so that only a real lag delays a verdict.
     */
    long recheckAt(boolean counterpartLeft, long eventTime, long deadlineMs, long now) {
        Side c = counterpartLeft ? left : right;
        if (c.maxEventTime == Long.MIN_VALUE || now - c.lastArrival >= QUIET_MS) {
            return -1; // quiet (or never seen): nothing is in flight that could still match
        }
        long behind = saturatedAdd(eventTime, deadlineMs - deadlineMs / 10) - c.maxEventTime;
        if (behind <= 0) {
            return -1; // the counterpart stream has passed the deadline in its own time
        }
        return now + Math.max(MIN_RECHECK_MS, Math.min(behind, deadlineMs));
    }

    /** How far the left stream's newest event time is behind {@code now}, 0 before any record. */
    long leftLagMs(long now) {
        return left.lagMs(now);
    }

    /** How far the right stream's newest event time is behind {@code now}, 0 before any record. */
    long rightLagMs(long now) {
        return right.lagMs(now);
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? (a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : r;
    }

    /** The progress of one input; read by the metrics thread too, where a stale value is fine. */
    private static final class Side {
        private long maxEventTime = Long.MIN_VALUE;
        private long lastArrival = Long.MIN_VALUE;

        void read(long eventTime, long now) {
            if (eventTime > maxEventTime) {
                maxEventTime = eventTime;
            }
            lastArrival = now;
        }

        long lagMs(long now) {
            long max = maxEventTime;
            return max == Long.MIN_VALUE ? 0 : Math.max(0, now - max);
        }
    }
}
