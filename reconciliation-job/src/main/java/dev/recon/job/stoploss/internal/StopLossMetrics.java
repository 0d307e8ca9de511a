package dev.recon.job.stoploss.internal;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

import java.util.function.LongSupplier;

/** The stop-loss metrics, group {@code recon} then {@code stoploss}. */
public final class StopLossMetrics {
    private StopLossMetrics() {}

    /** The trigger's counters. */
    public record Trigger(Counter proposed, Counter shadowIgnored) {
        /** Registers them under the operator's group. */
        public static Trigger register(MetricGroup operator) {
            MetricGroup g = group(operator);
            return new Trigger(g.counter("proposed"), g.counter("shadowIgnored"));
        }
    }

    /** The governor's counters and the gauge of actions in force. */
    public record Governor(
            Counter issued,
            Counter renewed,
            Counter refusedCap,
            Counter expired,
            Counter unblocked) {
        /** Registers them under the operator's group; {@code active} feeds the gauge. */
        public static Governor register(MetricGroup operator, LongSupplier active) {
            MetricGroup g = group(operator);
            g.gauge("active", active::getAsLong);
            return new Governor(
                    g.counter("issued"),
                    g.counter("renewed"),
                    g.counter("refusedCap"),
                    g.counter("expired"),
                    g.counter("unblocked"));
        }
    }

    private static MetricGroup group(MetricGroup operator) {
        return operator.addGroup("recon").addGroup("stoploss");
    }
}
