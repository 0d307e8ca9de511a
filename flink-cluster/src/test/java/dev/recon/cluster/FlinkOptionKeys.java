package dev.recon.cluster;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.MetricOptions;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The option keys Flink 2.2 defines, read by reflection from its {@code *Options} classes on the
 * classpath, so a misspelt or removed key in a config file fails a test.
 */
final class FlinkOptionKeys {
    private static final Pattern REPORTER = Pattern.compile("metrics\\.reporter\\.[^.]+\\.(.+)");
    private static final String[] CLASSES = {
        "org.apache.flink.configuration.CoreOptions",
        "org.apache.flink.configuration.JobManagerOptions",
        "org.apache.flink.configuration.TaskManagerOptions",
        "org.apache.flink.configuration.RestOptions",
        "org.apache.flink.configuration.WebOptions",
        "org.apache.flink.configuration.StateBackendOptions",
        "org.apache.flink.configuration.CheckpointingOptions",
        "org.apache.flink.configuration.StateRecoveryOptions",
        "org.apache.flink.configuration.RestartStrategyOptions",
        "org.apache.flink.configuration.HeartbeatManagerOptions",
        "org.apache.flink.configuration.HighAvailabilityOptions",
        "org.apache.flink.configuration.MetricOptions",
        "org.apache.flink.configuration.PipelineOptions",
        "org.apache.flink.configuration.ExecutionOptions",
        "org.apache.flink.state.rocksdb.RocksDBOptions",
        "org.apache.flink.state.rocksdb.RocksDBConfigurableOptions",
    };
    private static final Set<String> KEYS = load();

    private FlinkOptionKeys() {}

    /** Whether {@code key} is a Flink option (or an option of a named metrics reporter). */
    static boolean isKnown(String key) {
        Matcher m = REPORTER.matcher(key);
        if (m.matches()) {
            return reporterKeys().contains(m.group(1));
        }
        return KEYS.contains(key);
    }

    /** Options of one reporter: Flink's own reporter options and the Prometheus port. */
    private static Set<String> reporterKeys() {
        Set<String> keys = new TreeSet<>();
        keys.add(MetricOptions.REPORTER_FACTORY_CLASS.key());
        keys.add(MetricOptions.REPORTER_INTERVAL.key());
        keys.add(prometheusPortKey());
        return keys;
    }

    private static String prometheusPortKey() {
        try {
            Field f =
                    Class.forName("org.apache.flink.metrics.prometheus.PrometheusReporterFactory")
                            .getDeclaredField("ARG_PORT");
            f.setAccessible(true);
            return (String) f.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("flink-metrics-prometheus changed: " + e, e);
        }
    }

    private static Set<String> load() {
        Set<String> keys = new TreeSet<>();
        for (String name : CLASSES) {
            try {
                for (Field f : Class.forName(name).getFields()) {
                    if (Modifier.isStatic(f.getModifiers())
                            && ConfigOption.class.isAssignableFrom(f.getType())) {
                        keys.add(((ConfigOption<?>) f.get(null)).key());
                    }
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Flink option class " + name + " not found", e);
            }
        }
        return keys;
    }
}
