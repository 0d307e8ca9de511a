package dev.recon.job;

import dev.recon.job.testing.Checkpoints;
import dev.recon.job.testing.InJvmKafka;
import dev.recon.job.testing.LocalJobs;
import dev.recon.job.testing.RestartDrill;
import dev.recon.loadgen.CheckReport;
import dev.recon.loadgen.FaultClass;
import dev.recon.loadgen.GroundTruth;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job is cancelled mid-stream and a new job is restored from its last checkpoint: the alert ids
 * still equal the ground truth exactly, with none lost and none extra.
 */
class RestartFromCheckpointITCase {
    private static final long DEADLINE_MS = 3_000;
    @RegisterExtension static final InJvmKafka KAFKA = new InJvmKafka();

    @TempDir static Path tmp;

    @Test
    void restoredJobLosesNoAlertAndRaisesNoExtraOne() throws Exception {
        Path checkpoints = tmp.resolve("checkpoints");
        JobOptions first = options("earliest");
        JobClient job = LocalJobs.start(first, LocalJobs.config(first, checkpoints));
        CompletableFuture<GroundTruth> generation = CompletableFuture.supplyAsync(this::generate);

        Thread.sleep(3_000); // mid-stream: the generator runs for about 6 s
        Path jobDir = checkpoints.resolve(job.getJobID().toString());
        Path checkpoint = Checkpoints.awaitCompleted(jobDir, 1); // one is enough, and sooner
        job.cancel().get(30, TimeUnit.SECONDS);
        assertThat(generation).as("stopped while the generator was still sending").isNotDone();
        checkpoint = Checkpoints.latestCompleted(jobDir).orElse(checkpoint);

        // 'latest' proves the restore: without the checkpoint's offsets, data would be skipped.
        JobOptions second = options("latest");
        Configuration restore = LocalJobs.config(second, checkpoints);
        restore.set(StateRecoveryOptions.SAVEPOINT_PATH, checkpoint.toUri().toString());
        JobClient restored = LocalJobs.start(second, restore);
        try {
            GroundTruth truth = generation.get(120, TimeUnit.SECONDS);
            CheckReport report = check(truth);
            assertThat(report.missed()).as(report.format()).isEmpty();
            assertThat(report.falseAlerts()).as(report.format()).isEmpty();
            assertThat(report.resolves()).as(report.format()).isEmpty();
            for (FaultClass c : FaultClass.values()) {
                assertThat(report.perClass().get(c).injected()).isPositive();
            }
        } finally {
            restored.cancel().get(30, TimeUnit.SECONDS);
        }
    }

    private GroundTruth generate() {
        return RestartDrill.generate(KAFKA, 11, DEADLINE_MS, tmp.resolve("truth.json"));
    }

    private static CheckReport check(GroundTruth truth) {
        return RestartDrill.check(KAFKA, truth);
    }

    private static JobOptions options(String startingOffsets) throws Exception {
        return LocalJobs.options(
                "--bootstrap-servers",
                KAFKA.bootstrapServers(),
                "--starting-offsets",
                startingOffsets,
                "--deadline-ms",
                Long.toString(DEADLINE_MS),
                "--checkpoint-interval-ms",
                "500",
                "--parallelism",
                "2",
                "--group-id",
                "restart-itcase");
    }
}
