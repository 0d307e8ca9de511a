package dev.recon.benchmarks.e2e.internal;

import dev.recon.benchmarks.e2e.internal.SustainedRate.Step;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What counts as keeping up with a step of the sustained-rate probe. */
class SustainedRateTest {

    @Test
    void aStepIsKeptUpWithOnlyWhenSentInFullSeenInFullAndNotGrowing() {
        assertThat(new Step(10_000, 9_100, 60, 300, 0).keptUp()).as("within both bounds").isTrue();
        assertThat(new Step(10_000, 8_900, 60, 60, 0).keptUp())
                .as("the generator fell short of the rate")
                .isFalse();
        assertThat(new Step(10_000, 10_000, 60, 60, 1).keptUp())
                .as("an alert never arrived")
                .isFalse();
        assertThat(new Step(10_000, 10_000, 60, 60 + SustainedRate.GROWTH_MS + 1, 0).keptUp())
                .as("latency grew over the step: the job fell behind")
                .isFalse();
    }

    @Test
    void theLineSaysWhatWasMeasuredAndTheVerdict() {
        assertThat(new Step(20_000, 19_950, 70, 2_400, 0).line())
                .isEqualTo(
                        "20,000 events/s (sent 19,950): mismatch median 70 ms in the first third,"
                                + " 2400 ms in the last, 0 alerts unseen: fell behind");
    }
}
