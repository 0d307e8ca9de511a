package dev.recon.job.testing;

import dev.recon.loadgen.AlertChecker;
import dev.recon.loadgen.CheckReport;
import dev.recon.loadgen.GroundTruth;
import dev.recon.loadgen.LoadGenerator;

import java.nio.file.Path;
import java.time.Duration;

/** The load of the restart tests (3,000 payments at 500/s, 1% of each fault) and its check. */
public final class RestartDrill {
    private RestartDrill() {}

    /** Sends the load (about 6 s) and returns its ground truth. */
    public static GroundTruth generate(InJvmKafka kafka, long seed, long deadlineMs, Path truth) {
        return LoadGenerator.builder()
                .setBootstrapServers(kafka.bootstrapServers())
                .setEvents(3_000)
                .setRatePerSecond(500)
                .setFaultFraction(0.01)
                .setSeed(seed)
                .setDeadline(Duration.ofMillis(deadlineMs))
                .setGroundTruthFile(truth)
                .build()
                .run();
    }

    /** Compares the alerts topic with the ground truth, id by id. */
    public static CheckReport check(InJvmKafka kafka, GroundTruth truth) {
        return AlertChecker.builder()
                .setBootstrapServers(kafka.bootstrapServers())
                .setAlertsTopic("alerts")
                .setGroundTruth(truth)
                .setTimeout(Duration.ofSeconds(90))
                .setQuietPeriod(Duration.ofSeconds(3))
                .build()
                .check();
    }
}
