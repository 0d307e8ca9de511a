package dev.recon.benchmarks.e2e.internal;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;

import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A metric reporter for local runs: counters named {@code pairsMatched} go to {@link Tally} when
 * their operator closes, and live {@code pendingEntries} gauges can be summed while a job runs.
 */
public final class TallyReporter implements MetricReporter, MetricReporterFactory {
    /** The configuration key prefix that installs this reporter. */
    public static final String FACTORY_KEY = "metrics.reporter.tally.factory.class";

    private static final Set<Gauge<?>> PENDING = ConcurrentHashMap.newKeySet();

    @Override
    public MetricReporter createMetricReporter(Properties properties) {
        return new TallyReporter();
    }

    @Override
    public void open(MetricConfig config) {}

    @Override
    public void close() {}

    @Override
    public void notifyOfAddedMetric(Metric metric, String name, MetricGroup group) {
        if (name.equals("pendingEntries") && metric instanceof Gauge<?> g) {
            PENDING.add(g);
        }
    }

    @Override
    public void notifyOfRemovedMetric(Metric metric, String name, MetricGroup group) {
        if (name.equals("pairsMatched") && metric instanceof Counter c) {
            Tally.add("matched", c.getCount());
        }
        if (metric instanceof Gauge<?> g) {
            PENDING.remove(g);
        }
    }

    /** The sum of the live {@code pendingEntries} gauges (keys waiting for a counterpart). */
    public static long pending() {
        long sum = 0;
        for (Gauge<?> g : PENDING) {
            Object v = g.getValue();
            sum += v instanceof Number n ? n.longValue() : 0;
        }
        return sum;
    }
}
