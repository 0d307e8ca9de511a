package dev.recon.job.operators;

import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The matcher's timer lag: how late its last timer fired, while that is recent. */
class MatchMetricsTest {
    @Test
    void timerLagIsHowLateTheLastTimerFiredWhileRecent() {
        Gauges group = new Gauges();
        MatchMetrics m = new MatchMetrics(group, "payments", "bills");
        assertThat(m.timerLagMs(1_000_000)).as("no timer yet").isZero();

        m.timerFired(100_000, 103_500);
        assertThat(m.timerLagMs(103_500)).isEqualTo(3_500);
        assertThat(m.timerLagMs(108_500)).as("5 s later, still the latest").isEqualTo(3_500);
        assertThat(m.timerLagMs(108_501)).as("no timer for over 5 s: not behind").isZero();

        m.timerFired(110_000, 110_000);
        assertThat(m.timerLagMs(110_001)).as("on time").isZero();
        m.timerFired(120_000, 119_999); // a clock that went back a little
        assertThat(m.timerLagMs(120_000)).isZero();
        assertThat(group.gauges).containsKey("timerLagMs");
    }

    /** Keeps the gauges registered on it and on its subgroups. */
    private static final class Gauges extends UnregisteredMetricsGroup {
        final Map<String, Gauge<?>> gauges = new HashMap<>();

        @Override
        public <T, G extends Gauge<T>> G gauge(String name, G gauge) {
            gauges.put(name, gauge);
            return gauge;
        }

        @Override
        public MetricGroup addGroup(String name) {
            return this;
        }

        @Override
        public MetricGroup addGroup(String key, String value) {
            return this;
        }
    }
}
