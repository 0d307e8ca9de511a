package dev.recon.job.operators;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * The lateness policy: a record whose event time is more than the allowed lateness behind the
 * current watermark is too late to reconcile. Before the first watermark nothing is late.
 */
public final class Lateness implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The default allowed lateness: 1 h, far beyond the counterparts a deadline waits for. */
    public static final Duration DEFAULT_ALLOWED = Duration.ofHours(1);

    private final long allowedMs;

    /** A policy that reconciles records up to {@code allowed} behind the watermark. */
    public Lateness(Duration allowed) {
        if (allowed == null || allowed.isNegative()) {
            throw new IllegalArgumentException("allowed lateness must be >= 0, got " + allowed);
        }
        this.allowedMs = allowed.toMillis();
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
