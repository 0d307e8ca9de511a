package dev.recon.job.operators;

/**
 * How far each input of one matcher subtask has been read: the newest event time seen, when a
 * record last arrived, and the watermark (the slowest partition still being read). A missing
 * verdict waits while the inputs are still arriving but the counterpart stream, or one of its
 * partitions, has not yet reached the verdict's deadline in its own event time: its consumer lags,
 * and the counterpart may still be in the backlog. A quiet stream (nothing for {@link #QUIET_MS})
 * holds nothing back, and a quiet partition stops holding the watermark back after the sources'
 * idleness timeout.
 */
final class StreamProgress {
    /** A stream with no record for this long is quiet, not lagging. */
    static final long QUIET_MS = 1_000;

    /** The shortest wait between two checks of a held verdict. */
    static final long MIN_RECHECK_MS = 50;

    /**
     * The watermark trails the slowest partition's newest record by the out-of-orderness bound and
     * by up to this much more: its emission interval (200 ms) and the way through the network.
     */
    static final long WATERMARK_SLACK_MS = 500;

    private final Side left = new Side();
    private final Side right = new Side();
    private final long outOfOrdernessMs;

    /** Progress judged with watermarks that trail event time by {@code outOfOrdernessMs}. */
    StreamProgress(long outOfOrdernessMs) {
        this.outOfOrdernessMs = outOfOrdernessMs;
    }

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
     * must reach the deadline less a {@link #margin}, which allows for ordinary differences in read
     * latency, so that only a real lag delays a verdict. Its newest record shows how far the stream
     * as a whole has come; {@code watermark} shows how far its slowest partition has.
     */
    long recheckAt(
            boolean counterpartLeft, long eventTime, long deadlineMs, long watermark, long now) {
        long need = saturatedAdd(eventTime, deadlineMs - margin(deadlineMs));
        long behind =
                Math.max(
                        streamBehind(counterpartLeft ? left : right, need, now),
                        watermarkBehind(need, watermark, now));
        if (behind <= 0) {
            return -1;
        }
        // not sooner than needed: under a real lag many keys are held, each with its own timer
        return now + Math.max(MIN_RECHECK_MS, Math.min(behind, deadlineMs));
    }

    /**
     * How far short of a deadline a stream may be and still count as current: a tenth of the
     * deadline, at least a quiet period. Records arrive in bursts up to about a second apart
     * (producer batches, Kafka fetches, the network buffer timeout); with half a second, those gaps
     * held a few verdicts in a hundred by about 400 ms (benchmarks README, fourth session).
     */
    static long margin(long deadlineMs) {
        return Math.max(deadlineMs / 10, QUIET_MS);
    }

    /** How far the stream's newest record is behind {@code need}; 0 when it is quiet. */
    private static long streamBehind(Side c, long need, long now) {
        if (c.maxEventTime == Long.MIN_VALUE || now - c.lastArrival >= QUIET_MS) {
            return 0; // quiet (or never seen): nothing is in flight that could still match
        }
        return need - c.maxEventTime;
    }

    /**
     * How far the slowest partition still being read is behind {@code need}, judged by the
     * watermark; 0 before the first watermark or when no input has arrived for {@link #QUIET_MS}.
     */
    private long watermarkBehind(long need, long watermark, long now) {
        long lastArrival = Math.max(left.lastArrival, right.lastArrival);
        if (watermark == Long.MIN_VALUE
                || lastArrival == Long.MIN_VALUE
                || now - lastArrival >= QUIET_MS) {
            return 0; // no watermark yet, or nothing arriving that could still match
        }
        long reached = saturatedAdd(watermark, outOfOrdernessMs + WATERMARK_SLACK_MS);
        return need - reached;
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
