package dev.recon.loadgen;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tests for {@link LoadGeneratorBuilder} and {@link AlertCheckerBuilder} validation. */
class LoadGeneratorBuilderTest {

    @Test
    void buildNamesTheMissingSetting() {
        assertThatThrownBy(() -> LoadGenerator.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("setBootstrapServers");
        assertThatThrownBy(() -> AlertChecker.builder().setBootstrapServers("h:1").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("setGroundTruth");
    }

    @Test
    void settersRejectBadValues() {
        LoadGeneratorBuilder b = LoadGenerator.builder();
        assertThatThrownBy(() -> b.setEvents(0)).hasMessageContaining("events must be >= 1");
        assertThatThrownBy(() -> b.setRatePerSecond(-1)).hasMessageContaining("rate");
        assertThatThrownBy(() -> b.setFaultFraction(0.12)).hasMessageContaining("1/9");
        assertThatThrownBy(() -> b.setDeadline(Duration.ZERO)).hasMessageContaining("deadline");
        assertThatThrownBy(() -> b.setRunId("a-b")).hasMessageContaining("run id");
        assertThatThrownBy(() -> b.setBootstrapServers(" ")).hasMessageContaining("blank");
        assertThatThrownBy(() -> AlertChecker.builder().setQuietPeriod(Duration.ZERO))
                .hasMessageContaining("quiet period");
    }

    @Test
    void runIdsAreUniqueByDefaultAndKeptWhenSet() {
        String a = LoadGenerator.builder().setBootstrapServers("h:1").build().runId();
        String b = LoadGenerator.builder().setBootstrapServers("h:1").build().runId();
        assertThat(a).matches("[a-z0-9]+").isNotEqualTo(b);
        assertThat(
                        LoadGenerator.builder()
                                .setBootstrapServers("h:1")
                                .setRunId("r1")
                                .build()
                                .runId())
                .isEqualTo("r1");
    }
}
