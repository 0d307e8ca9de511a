package dev.recon.loadgen;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Tests for {@link CheckReport}, its verdict and its text form. */
class CheckReportTest {
    private final GroundTruth truth = TruthFixtures.truth();

    @Test
    void failedReportListsMissedAndFalseAlerts() {
        ExpectedAlert amount = truth.expectedAlerts().get(0);
        CheckReport r =
                AlertChecker.evaluate(
                        truth,
                        List.of(
                                TestAlerts.of(amount, 10),
                                TestAlerts.trigger(
                                        "f-1", "currency-match", TruthFixtures.P_CLEAN, 1)));

        String text = r.withReading(2, true).format();
        assertThat(text).contains("FAILED", "run " + TruthFixtures.RUN, "undecodable 2");
        assertThat(text).contains("stopped at the timeout");
        for (ExpectedAlert missed : truth.expectedAlerts().subList(1, 3)) {
            assertThat(text).contains(missed.alertId());
        }
        assertThat(text).contains("f-1", "currency-match", TruthFixtures.P_CLEAN, "clean payment");
        for (FaultClass c : FaultClass.values()) {
            assertThat(text).contains(c.name());
        }
    }

    @Test
    void passedReportSaysSo() {
        CheckReport r =
                AlertChecker.evaluate(
                        truth,
                        truth.expectedAlerts().stream().map(e -> TestAlerts.of(e, 7)).toList());
        assertThat(r.passed()).isTrue();
        assertThat(r.format()).contains("PASSED").doesNotContain("FAILED", "missed alerts:");
    }

    @Test
    void withReadingKeepsTheVerdict() {
        CheckReport r = AlertChecker.evaluate(truth, List.of());
        CheckReport read = r.withReading(5, true);
        assertThat(read.passed()).isEqualTo(r.passed()).isFalse();
        assertThat(read.undecodable()).isEqualTo(5);
        assertThat(read.timedOut()).isTrue();
        assertThat(read.missed()).isEqualTo(r.missed());
    }
}
