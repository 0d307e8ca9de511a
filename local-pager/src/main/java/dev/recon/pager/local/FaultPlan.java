package dev.recon.pager.local;

import java.time.Duration;
import java.time.Instant;

/** The injected failures of a {@link PagerDutyServer}; not thread-safe (used under its lock). */
final class FaultPlan {
    /** A failure to answer with: status and optional Retry-After header value. */
    record Fault(int status, String retryAfter) {}

    private int failNextCount;
    private Fault failNext;
    private Instant failUntil = Instant.MIN;
    private Fault failFor;

    void failNext(int n, int status, String retryAfter) {
        failNextCount = n;
        failNext = new Fault(status, retryAfter);
    }

    void failFor(Duration duration, int status, Instant now) {
        failUntil = now.plus(duration);
        failFor = new Fault(status, null);
    }

    /** The fault for a request arriving now, or null to serve it normally. */
    Fault next(Instant now) {
        if (failNextCount > 0) {
            failNextCount--;
            return failNext;
        }
        return now.isBefore(failUntil) ? failFor : null;
    }
}
