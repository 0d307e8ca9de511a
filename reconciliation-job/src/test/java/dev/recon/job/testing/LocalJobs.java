package dev.recon.job.testing;

import dev.recon.job.JobOptions;
import dev.recon.job.LocalRunner;
import dev.recon.job.ReconciliationMain;
import dev.recon.job.cli.Flags;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;

import java.nio.file.Path;

/** Starts the real job (Kafka in and out, RocksDB, checkpoints) on a local MiniCluster. */
public final class LocalJobs {
    private LocalJobs() {}

    /** Parses job flags the way {@code main} does. */
    public static JobOptions options(String... args) throws Exception {
        return JobOptions.from(Flags.parse(args, JobOptions.FLAGS));
    }

    /** The job configuration plus test sizing and a checkpoint directory. */
    public static Configuration config(JobOptions opts, Path checkpoints) {
        Configuration c = ReconciliationMain.jobConfig(opts);
        c.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.parse("256m"));
        c.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.toUri().toString());
        return c;
    }

    /** Submits the job and waits until it runs. */
    public static JobClient start(JobOptions opts, Configuration c) throws Exception {
        return LocalRunner.start(opts, c, "recon-itcase");
    }
}
