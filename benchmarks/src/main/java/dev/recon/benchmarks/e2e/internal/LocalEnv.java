package dev.recon.benchmarks.e2e.internal;

import dev.recon.job.ReconciliationMain;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.nio.file.Path;
import java.time.Duration;

/** The local MiniCluster setup every in-JVM case shares: RocksDB, checkpoints, no Kryo. */
public final class LocalEnv {
    private LocalEnv() {}

    /**
     * The configuration of the bounded cases: the job's defaults (RocksDB as deployed, no generic
     * types, object reuse), checkpoints every {@code interval}, tally metrics, no restarts.
     */
    public static Configuration config(Path workDir, Duration checkpointInterval) {
        Configuration c = new Configuration();
        ReconciliationMain.engineDefaults(c); // as deployed, for every case alike
        c.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, checkpointInterval);
        c.set(
                CheckpointingOptions.CHECKPOINTS_DIRECTORY,
                workDir.resolve("checkpoints").toUri().toString());
        c.setString("state.backend.rocksdb.localdir", workDir.resolve("rocksdb").toString());
        c.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.parse("256m"));
        c.setString(TallyReporter.FACTORY_KEY, TallyReporter.class.getName());
        c.setString("metrics.reporter.tally.interval", "3600 s");
        c.setString("restart-strategy.type", "none"); // a failing case fails the run, never hangs
        overrides(c);
        return c;
    }

    /** Flink options given as {@code -Dbench.flink.<key>=<value>}, for trying a lever by hand. */
    static void overrides(Configuration c) {
        String prefix = "bench.flink.";
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith(prefix)) {
                c.setString(name.substring(prefix.length()), System.getProperty(name));
            }
        }
    }

    /** A local environment with {@code parallelism} and the configuration. */
    public static StreamExecutionEnvironment env(int parallelism, Configuration c) {
        return StreamExecutionEnvironment.createLocalEnvironment(parallelism, c);
    }
}
