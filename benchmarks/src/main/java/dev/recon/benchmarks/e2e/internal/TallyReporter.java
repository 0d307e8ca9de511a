package dev.recon.benchmarks.e2e.internal;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;

import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A metric reporter for local runs: counters named {@code pairsMatched} go to {@link Tally} when
 * their operator closes; live {@code pendingEntries} gauges and RocksDB native gauges ({@code
 * rocksdb.*}, per column family) can be summed while a job runs; each task's accumulated busy,
 * back-pressured and idle time goes to {@link TaskTimes} when it ends.
 */
public final class TallyReporter implements MetricReporter, MetricReporterFactory {
    /** The configuration key prefix that installs this reporter. */
    public static final String FACTORY_KEY = "metrics.reporter.tally.factory.class";

    private static final Set<Gauge<?>> PENDING = ConcurrentHashMap.newKeySet();
    private static final Map<Gauge<?>, String[]> ROCKSDB = new ConcurrentHashMap<>();
    private static final Map<String, Gauge<?>> JOB = new ConcurrentHashMap<>();
    private static final Set<String> JOB_METRICS =
            Set.of("numRestarts", "numberOfCompletedCheckpoints", "numberOfFailedCheckpoints");
    private static final Map<Counter, String> MATCHER = new ConcurrentHashMap<>();
    private static final Set<String> MATCHER_METRICS = Set.of("numRecordsIn", "numFiredTimers");
    private final Map<Metric, String> taskTimes = new ConcurrentHashMap<>();

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
        if (JOB_METRICS.contains(name) && metric instanceof Gauge<?> g) {
            JOB.put(name, g); // the running job's (one live job at a time)
        }
        if (MATCHER_METRICS.contains(name) && metric instanceof Counter c && matcherTask(group)) {
            MATCHER.put(c, name);
        }
        if (TaskTimes.indexOf(name) >= 0) {
            taskTimes.put(metric, group.getAllVariables().getOrDefault("<task_name>", "?"));
        }
        if (name.startsWith("rocksdb.") && metric instanceof Gauge<?> g) {
            String cf = group.getAllVariables().getOrDefault("<column_family>", "");
            if (cf.isEmpty()) {
                cf = group.getMetricIdentifier(name);
            }
            ROCKSDB.put(g, new String[] {name.substring("rocksdb.".length()), cf});
        }
    }

    @Override
    public void notifyOfRemovedMetric(Metric metric, String name, MetricGroup group) {
        if (name.equals("pairsMatched") && metric instanceof Counter c) {
            Tally.add("matched", c.getCount());
        }
        String task = taskTimes.remove(metric);
        if (task != null && metric instanceof Gauge<?> g) {
            TaskTimes.add(task, TaskTimes.indexOf(name), value(g));
        }
        if (metric instanceof Counter c) {
            MATCHER.remove(c);
        }
        if (metric instanceof Gauge<?> g) {
            PENDING.remove(g);
            ROCKSDB.remove(g);
        }
    }

    /** The sum of the live {@code pendingEntries} gauges (keys waiting for a counterpart). */
    public static long pending() {
        long sum = 0;
        for (Gauge<?> g : PENDING) {
            sum += value(g);
        }
        return sum;
    }

    /**
     * The sum of a RocksDB property (e.g. {@code estimate-num-keys}) over the subtasks and the
     * column families; timer column families only when {@code timers}.
     */
    public static long rocksdb(String property, boolean timers) {
        long sum = 0;
        for (Map.Entry<Gauge<?>, String[]> e : ROCKSDB.entrySet()) {
            boolean timer = e.getValue()[1].contains("_timer_state");
            if (e.getValue()[0].equals(property) && (timers || !timer)) {
                sum += value(e.getKey());
            }
        }
        return sum;
    }

    /**
     * A job-level gauge of the latest job ({@code numRestarts}, {@code
     * numberOfCompletedCheckpoints}, {@code numberOfFailedCheckpoints}); -1 before it is there.
     */
    public static long job(String name) {
        Gauge<?> g = JOB.get(name);
        return g == null ? -1 : value(g);
    }

    /**
     * A task-level counter of the matcher task ({@code numRecordsIn}, {@code numFiredTimers})
     * summed over its subtasks, while the job runs.
     */
    public static long matcher(String name) {
        long sum = 0;
        for (Map.Entry<Counter, String> e : MATCHER.entrySet()) {
            if (e.getValue().equals(name)) {
                sum += e.getKey().getCount();
            }
        }
        return sum;
    }

    /** A task's own metric group (not one of its operators') of the matcher's task. */
    private static boolean matcherTask(MetricGroup group) {
        Map<String, String> v = group.getAllVariables();
        return !v.containsKey("<operator_name>")
                && v.getOrDefault("<task_name>", "").startsWith("match payments");
    }

    /** Forgets the gauges of a finished job. */
    public static void forgetAll() {
        MATCHER.clear();
        PENDING.clear();
        ROCKSDB.clear();
        JOB.clear();
    }

    private static long value(Gauge<?> g) {
        Object v = g.getValue();
        return v instanceof Number n ? n.longValue() : 0;
    }
}
