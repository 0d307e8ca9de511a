package dev.recon.demo;

import dev.recon.job.cli.UsageException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tests for {@link DemoOptions}: defaults and clear errors for bad flags. */
class DemoOptionsTest {

    @Test
    void defaultsMatchTheReadme() throws Exception {
        DemoOptions o = DemoOptions.parse(new String[0]);
        assertThat(o.events()).isEqualTo(200_000);
        assertThat(o.rules()).isEqualTo("rules");
        assertThat(o.keepRunning()).isFalse();
        assertThat(o.faultFraction()).isEqualTo(0.001);
    }

    @Test
    void badFlagsSayWhatIsExpected() {
        assertThatThrownBy(() -> DemoOptions.parse(new String[] {"--event", "5"}))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("did you mean --events?");
        assertThatThrownBy(() -> DemoOptions.parse(new String[] {"--fault-fraction", "0.5"}))
                .hasMessageContaining("between 0 and 0.1");
        assertThatThrownBy(() -> DemoOptions.parse(new String[] {"--events", "-3"}))
                .hasMessageContaining("--events must be between 1");
        assertThatThrownBy(() -> DemoOptions.parse(new String[] {"--metrics-ports", "abc"}))
                .hasMessageContaining("--metrics-ports");
        assertThatThrownBy(() -> DemoOptions.parse(new String[] {"--events"}))
                .hasMessageContaining("--events needs a value");
    }
}
