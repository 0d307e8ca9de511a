package dev.recon.sources;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.SimpleCounter;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;

import java.util.Map;
import java.util.TreeMap;

/** A metric group that keeps its counters by path ({@code recon.stream=payments.x}), for tests. */
final class RecordingMetricGroup extends UnregisteredMetricsGroup {
    final Map<String, Counter> counters;
    private final String path;

    RecordingMetricGroup() {
        this(new TreeMap<>(), "");
    }

    private RecordingMetricGroup(Map<String, Counter> counters, String path) {
        this.counters = counters;
        this.path = path;
    }

    @Override
    public MetricGroup addGroup(String name) {
        return new RecordingMetricGroup(counters, path + name + ".");
    }

    @Override
    public MetricGroup addGroup(String key, String value) {
        return new RecordingMetricGroup(counters, path + key + "=" + value + ".");
    }

    @Override
    public Counter counter(String name) {
        return counters.computeIfAbsent(path + name, n -> new SimpleCounter());
    }

    /** Count of the counter at {@code path}, 0 when it was never registered. */
    long count(String path) {
        Counter c = counters.get(path);
        return c == null ? 0 : c.getCount();
    }
}
