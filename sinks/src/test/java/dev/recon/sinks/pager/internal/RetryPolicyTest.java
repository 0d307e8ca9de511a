package dev.recon.sinks.pager.internal;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static dev.recon.sinks.pager.internal.RetryPolicy.Verdict.DELIVERED;
import static dev.recon.sinks.pager.internal.RetryPolicy.Verdict.REJECTED;
import static dev.recon.sinks.pager.internal.RetryPolicy.Verdict.RETRY;
import static org.assertj.core.api.Assertions.assertThat;

/** {@link RetryPolicy}: what is retried, Retry-After, and jittered backoff bounds. */
class RetryPolicyTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private final RetryPolicy policy =
            new RetryPolicy(Duration.ofMillis(200), Duration.ofSeconds(5));

    @Test
    void retriesThrottlingTimeoutsAndServerErrorsOnly() {
        assertThat(RetryPolicy.classify(202)).isEqualTo(DELIVERED);
        assertThat(RetryPolicy.classify(200)).isEqualTo(DELIVERED);
        assertThat(RetryPolicy.classify(429)).isEqualTo(RETRY);
        assertThat(RetryPolicy.classify(408)).isEqualTo(RETRY);
        assertThat(RetryPolicy.classify(503)).isEqualTo(RETRY);
        assertThat(RetryPolicy.classify(400)).isEqualTo(REJECTED);
        assertThat(RetryPolicy.classify(404)).isEqualTo(REJECTED);
        assertThat(RetryPolicy.classify(301)).isEqualTo(REJECTED);
    }

    @Test
    void honoursRetryAfterSecondsAndDatesCappedAtSixtySeconds() {
        assertThat(policy.delay(1, "1", NOW)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.delay(1, "3600", NOW)).isEqualTo(Duration.ofSeconds(60));
        assertThat(policy.delay(1, "Thu, 01 Jan 2026 00:00:10 GMT", NOW))
                .isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.delay(1, "Wed, 31 Dec 2025 23:00:00 GMT", NOW)).isEqualTo(Duration.ZERO);
    }

    @Test
    void backoffDoublesWithJitterUpToTheMaximum() {
        for (int i = 0; i < 50; i++) {
            assertThat(policy.delay(1, null, NOW).toMillis()).isBetween(100L, 200L);
            assertThat(policy.delay(3, "garbage", NOW).toMillis()).isBetween(400L, 800L);
            assertThat(policy.delay(40, null, NOW).toMillis()).isBetween(2500L, 5000L);
        }
    }

    @Test
    void durationsAreFormattedTheShortWay() {
        assertThat(GoDuration.format(Duration.ofMinutes(10))).isEqualTo("10m0s");
        assertThat(GoDuration.format(Duration.ofMillis(4500))).isEqualTo("4.5s");
        assertThat(GoDuration.format(Duration.ofSeconds(3723))).isEqualTo("1h2m3s");
    }
}
