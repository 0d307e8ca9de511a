package dev.recon.benchmarks.e2e.internal;

import dev.recon.job.JobOptions;
import dev.recon.job.LocalRunner;
import dev.recon.job.ReconciliationMain;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The engine as deployed ({@code ReconciliationMain.newJob} and its configuration) running on a
 * local MiniCluster against the bench broker, with extra Flink settings (the latency levers).
 */
public final class LiveJob implements AutoCloseable {
    private static final String[] METRICS = {
        "estimate-num-keys",
        "estimate-live-data-size",
        "cur-size-all-mem-tables",
        "total-sst-files-size"
    };

    private final JobClient client;
    private final Path checkpoints;

    private LiveJob(JobClient client, Path checkpoints) {
        this.client = client;
        this.checkpoints = checkpoints;
    }

    /**
     * Starts the job reading new records only, with {@code extraFlags} (e.g. {@code
     * --retention-ms}, the pager flags) and {@code settings} on top of the job's configuration.
     */
    public static LiveJob start(
            BenchBroker broker,
            Path workDir,
            long checkpointMs,
            List<String> extraFlags,
            Map<String, String> settings)
            throws Exception {
        String group = "bench-live-" + System.nanoTime();
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "--bootstrap-servers",
                                broker.servers(),
                                "--starting-offsets",
                                "latest",
                                "--group-id",
                                group,
                                "--checkpoint-interval-ms",
                                Long.toString(checkpointMs),
                                "--parallelism",
                                "2"));
        args.addAll(extraFlags);
        JobOptions opts = JobOptions.parse(args.toArray(String[]::new));
        Path dir = workDir.resolve(group);
        Configuration c = ReconciliationMain.jobConfig(opts);
        c.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.parse("256m"));
        c.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir.resolve("cp").toUri().toString());
        c.setString("state.backend.rocksdb.localdir", dir.resolve("rocksdb").toString());
        c.setString(TallyReporter.FACTORY_KEY, TallyReporter.class.getName());
        c.setString("metrics.reporter.tally.interval", "3600 s");
        for (String m : METRICS) {
            c.setString("state.backend.rocksdb.metrics." + m, "true");
        }
        settings.forEach(c::setString);
        LocalEnv.overrides(c);
        return new LiveJob(LocalRunner.start(opts, c, "bench live " + group), dir.resolve("cp"));
    }

    /** The folder the job's checkpoints are written to. */
    public Path checkpoints() {
        return checkpoints;
    }

    @Override
    public void close() {
        try {
            client.cancel().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            // already gone
        }
        TallyReporter.forgetAll();
    }
}
