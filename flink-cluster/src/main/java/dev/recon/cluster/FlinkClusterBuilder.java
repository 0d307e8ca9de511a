package dev.recon.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builder of {@link FlinkCluster}; see {@link FlinkCluster#builder()}. */
public final class FlinkClusterBuilder {
    private Path dir = Path.of(".recon", "cluster");
    private int taskManagers = 2;
    private int slots = 2;
    private int restPort = 8081;
    private String jobManagerMemory = "1024m";
    private String taskManagerMemory = "1280m";
    private double managedFraction = 0.3;
    private String metricsPorts = "9250-9260";
    private Duration heartbeatTimeout = Duration.ofSeconds(20);
    private final List<String> javaOptions = new ArrayList<>();
    private final Map<String, String> flinkOptions = new LinkedHashMap<>();

    FlinkClusterBuilder() {}

    /** Working folder (default {@code .recon/cluster}): conf, log, pids, checkpoints. */
    public FlinkClusterBuilder setDir(Path dir) {
        if (dir == null) {
            throw new IllegalArgumentException("dir must be set, e.g. .recon/cluster");
        }
        this.dir = dir;
        return this;
    }

    /** TaskManager processes (default 2). */
    public FlinkClusterBuilder setTaskManagers(int taskManagers) {
        this.taskManagers = positive("task managers", taskManagers, 16);
        return this;
    }

    /** Task slots per TaskManager (default 2). */
    public FlinkClusterBuilder setSlots(int slots) {
        this.slots = positive("slots", slots, 64);
        return this;
    }

    /** REST and web UI port on 127.0.0.1 (default 8081); 0 picks a free port. */
    public FlinkClusterBuilder setRestPort(int restPort) {
        if (restPort < 0 || restPort > 65535) {
            throw new IllegalArgumentException("rest port must be 0..65535, got " + restPort);
        }
        this.restPort = restPort;
        return this;
    }

    /** {@code jobmanager.memory.process.size} (default 1024m). */
    public FlinkClusterBuilder setJobManagerMemory(String size) {
        this.jobManagerMemory = memory("job manager memory", size);
        return this;
    }

    /** {@code taskmanager.memory.process.size} (default 1280m, small enough for 2 cores). */
    public FlinkClusterBuilder setTaskManagerMemory(String size) {
        this.taskManagerMemory = memory("task manager memory", size);
        return this;
    }

    /** {@code taskmanager.memory.managed.fraction}, RocksDB's memory (default 0.3). */
    public FlinkClusterBuilder setManagedFraction(double fraction) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException(
                    "managed fraction must be in (0, 1), got " + fraction);
        }
        this.managedFraction = fraction;
        return this;
    }

    /** Port range of the Prometheus reporter, one port per process (default 9250-9260). */
    public FlinkClusterBuilder setMetricsPorts(String range) {
        if (range == null || !range.matches("\\d+(-\\d+)?")) {
            throw new IllegalArgumentException(
                    "metrics ports must look like 9250-9260, got " + range);
        }
        this.metricsPorts = range;
        return this;
    }

    /** How long until a silent TaskManager is declared lost (default 20 s). */
    public FlinkClusterBuilder setHeartbeatTimeout(Duration timeout) {
        if (timeout == null || timeout.toMillis() < 2_000) {
            throw new IllegalArgumentException("heartbeat timeout must be >= 2 s, got " + timeout);
        }
        this.heartbeatTimeout = timeout;
        return this;
    }

    /** Adds a JVM option to every process, e.g. {@code -XX:+UseG1GC}. */
    public FlinkClusterBuilder addJavaOption(String option) {
        if (option == null || option.isBlank()) {
            throw new IllegalArgumentException("java option must not be blank");
        }
        javaOptions.add(option);
        return this;
    }

    /**
     * Sets a Flink option in the cluster's {@code config.yaml} over the generated ones, e.g. {@code
     * execution.checkpointing.interval} to {@code 5 s}: jobs submitted to the cluster read it as
     * {@code flink run} does.
     */
    public FlinkClusterBuilder setOption(String key, String value) {
        if (key == null || key.isBlank() || value == null || value.isBlank()) {
            throw new IllegalArgumentException(
                    "a Flink option needs a key and a value, e.g. execution.checkpointing.interval"
                            + " and 5 s; got '"
                            + key
                            + "' and '"
                            + value
                            + "'");
        }
        flinkOptions.put(key.trim(), value.trim());
        return this;
    }

    /** Resolves the settings; {@link FlinkCluster#start()} then launches the processes. */
    public FlinkCluster build() {
        int port = restPort == 0 ? FlinkCluster.freePort() : restPort;
        return new FlinkCluster(
                new ClusterSettings(
                        dir.toAbsolutePath().normalize(),
                        taskManagers,
                        slots,
                        port,
                        jobManagerMemory,
                        taskManagerMemory,
                        managedFraction,
                        metricsPorts,
                        heartbeatTimeout,
                        javaOptions,
                        flinkOptions));
    }

    private static int positive(String what, int value, int max) {
        if (value < 1 || value > max) {
            throw new IllegalArgumentException(what + " must be 1.." + max + ", got " + value);
        }
        return value;
    }

    private static String memory(String what, String size) {
        if (size == null || !size.matches("\\d+[mMgG]")) {
            throw new IllegalArgumentException(what + " must look like 1280m or 2g, got " + size);
        }
        return size;
    }
}
