package dev.recon.job.operators;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * The event-time policy: a record whose event time is more than the allowed lateness behind the
 * current watermark is too late to reconcile (before the first watermark nothing is late); a
 * missing verdict waits up to the lag hold while the counterpart stream lags ({@link
 * StreamProgress}).
 */
public final class Lateness implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The default allowed lateness: 1 h, far beyond the counterparts a deadline waits for. */
    public static final Duration DEFAULT_ALLOWED = Duration.ofHours(1);

    /** The default lag hold: a missing verdict waits at most 5 min for a lagging stream. */
    public static final Duration DEFAULT_LAG_HOLD = Duration.ofMinutes(5);

    /** The default bound on out-of-orderness the sources' watermarks allow for (2 s). */
    public static final Duration DEFAULT_OUT_OF_ORDERNESS = Duration.ofSeconds(2);

    private final long allowedMs;
    private final long lagHoldMs;
    private final long outOfOrdernessMs;

    /** A policy with {@code allowed} lateness and the {@link #DEFAULT_LAG_HOLD}. */
    public Lateness(Duration allowed) {
        this(allowed, DEFAULT_LAG_HOLD);
    }

    /**
     * A policy that reconciles records up to {@code allowed} behind the watermark, and holds a
     * missing verdict up to {@code lagHold} past its deadline while the counterpart stream is still
     * being read but behind the deadline in its own event time (zero: never hold).
     */
    public Lateness(Duration allowed, Duration lagHold) {
        this(allowed, lagHold, DEFAULT_OUT_OF_ORDERNESS);
    }

    /**
     * As above, for watermarks that trail the newest event time of each partition by {@code
     * outOfOrderness}: a verdict also waits while the watermark shows a partition of the
     * counterpart stream behind the deadline.
     */
    public Lateness(Duration allowed, Duration lagHold, Duration outOfOrderness) {
        if (outOfOrderness == null || outOfOrderness.isNegative()) {
            throw new IllegalArgumentException(
                    "out-of-orderness must be >= 0, got " + outOfOrderness);
        }
        if (allowed == null || allowed.isNegative()) {
            throw new IllegalArgumentException("allowed lateness must be >= 0, got " + allowed);
        }
        if (lagHold == null || lagHold.isNegative()) {
            throw new IllegalArgumentException("lag hold must be >= 0, got " + lagHold);
        }
        this.allowedMs = allowed.toMillis();
        this.lagHoldMs = lagHold.toMillis();
        this.outOfOrdernessMs = outOfOrderness.toMillis();
    }

    /** How far the sources' watermarks trail the newest event time of each partition, in ms. */
    public long outOfOrdernessMs() {
        return outOfOrdernessMs;
    }

    /** How long past its deadline a missing verdict may wait for a lagging counterpart stream. */
    public long lagHoldMs() {
        return lagHoldMs;
    }

    /** The allowed lateness in ms. */
    public long allowedMs() {
        return allowedMs;
    }

    /** True when {@code eventTime} is beyond the allowed lateness behind {@code watermark}. */
    boolean isLate(long eventTime, long watermark) {
        if (watermark < Long.MIN_VALUE + allowedMs) {
            return false; // no watermark yet (or one so small that nothing can be behind it)
        }
        return eventTime < watermark - allowedMs;
    }

    /** Why the record is late, for the late-data record and the alert. */
    String reason(long eventTime, long watermark) {
        return "late: event_time "
                + eventTime
                + " ("
                + instant(eventTime)
                + ") is "
                + Duration.ofMillis(behind(eventTime, watermark))
                + " behind the watermark "
                + watermark
                + " ("
                + instant(watermark)
                + "), beyond the allowed lateness "
                + Duration.ofMillis(allowedMs)
                + " (--allowed-lateness-ms); not reconciled";
    }

    private static long behind(long eventTime, long watermark) {
        long d = watermark - eventTime;
        return d < 0 ? Long.MAX_VALUE : d; // only negative on overflow: the record is late
    }

    private static String instant(long ms) {
        try {
            return Instant.ofEpochMilli(ms).toString();
        } catch (RuntimeException e) {
            return "out of range";
        }
    }
}
