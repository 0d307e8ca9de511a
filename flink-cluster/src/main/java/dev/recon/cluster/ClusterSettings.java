package dev.recon.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolved settings of a {@link FlinkCluster}; built by {@link FlinkClusterBuilder}.
 *
 * @param dir working folder: conf, log, pids, checkpoints, savepoints, tmp
 * @param taskManagers TaskManager processes
 * @param slots task slots per TaskManager
 * @param restPort REST API and web UI port on 127.0.0.1
 * @param jobManagerMemory {@code jobmanager.memory.process.size}, e.g. 1024m
 * @param taskManagerMemory {@code taskmanager.memory.process.size}, e.g. 1280m
 * @param managedFraction {@code taskmanager.memory.managed.fraction}: RocksDB's share
 * @param metricsPorts port range of the Prometheus reporter, e.g. 9250-9260
 * @param heartbeatTimeout how long until a silent TaskManager is declared lost
 * @param javaOptions extra JVM options of every process (the Avro trust list is always added)
 * @param flinkOptions Flink options written to {@code config.yaml} over the generated ones
 */
public record ClusterSettings(
        Path dir,
        int taskManagers,
        int slots,
        int restPort,
        String jobManagerMemory,
        String taskManagerMemory,
        double managedFraction,
        String metricsPorts,
        Duration heartbeatTimeout,
        List<String> javaOptions,
        Map<String, String> flinkOptions) {

    /** Copies the options. */
    public ClusterSettings {
        javaOptions = List.copyOf(javaOptions);
        flinkOptions = Collections.unmodifiableMap(new LinkedHashMap<>(flinkOptions));
    }

    /** The generated Flink configuration folder. */
    public Path confDir() {
        return dir.resolve("conf");
    }

    /** Folder of the process logs. */
    public Path logDir() {
        return dir.resolve("log");
    }

    /** Folder of the PID files. */
    public Path pidDir() {
        return dir.resolve("pids");
    }

    /** Where checkpoints go ({@code execution.checkpointing.dir}). */
    public Path checkpointDir() {
        return dir.resolve("checkpoints");
    }

    /** Where savepoints go by default. */
    public Path savepointDir() {
        return dir.resolve("savepoints");
    }
}
