package dev.recon.sinks.pager.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Which responses are retried and after how long: 429 (honouring Retry-After, capped at 60 s), 408,
 * 5xx and transport errors with jittered exponential backoff; any other 4xx never.
 */
public final class RetryPolicy {
    static final Duration RETRY_AFTER_CAP = Duration.ofSeconds(60);

    /** What to do with a response. */
    public enum Verdict {
        DELIVERED,
        RETRY,
        REJECTED
    }

    private final long initialMs;
    private final long maxMs;

    public RetryPolicy(Duration initialBackoff, Duration maxBackoff) {
        this.initialMs = initialBackoff.toMillis();
        this.maxMs = maxBackoff.toMillis();
    }

    /** The verdict for an HTTP status. */
    public static Verdict classify(int status) {
        if (status >= 200 && status < 300) {
            return Verdict.DELIVERED;
        }
        if (status == 429 || status == 408 || status >= 500) {
            return Verdict.RETRY;
        }
        return Verdict.REJECTED;
    }

    /**
     * The delay before attempt {@code attempt + 1}: the Retry-After value when given (capped), else
     * a random delay between half and all of {@code min(max, initial * 2^(attempt-1))}.
     */
    public Duration delay(int attempt, String retryAfterOrNull, Instant now) {
        Duration retryAfter = parseRetryAfter(retryAfterOrNull, now);
        if (retryAfter != null) {
            return retryAfter;
        }
        long base = initialMs << Math.min(attempt - 1, 30);
        long capped = Math.min(maxMs, base < 0 ? maxMs : base);
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(capped / 2, capped + 1));
    }

    /** Retry-After as delta-seconds or an HTTP-date, between 0 and 60 s; null if absent or bad. */
    static Duration parseRetryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Duration d;
        try {
            d = Duration.ofSeconds(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            try {
                Instant at =
                        ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
                                .toInstant();
                d = Duration.between(now, at);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
        if (d.isNegative()) {
            return Duration.ZERO;
        }
        return d.compareTo(RETRY_AFTER_CAP) > 0 ? RETRY_AFTER_CAP : d;
    }
}
