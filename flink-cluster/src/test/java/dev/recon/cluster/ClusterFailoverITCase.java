package dev.recon.cluster;

import dev.recon.kafka.KafkaBroker;
import dev.recon.loadgen.CheckReport;
import dev.recon.loadgen.GroundTruth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 of one TaskManager of a standalone cluster mid-stream: the job restores from its last
 * checkpoint on the surviving TaskManager, and the alert ids seen equal the expected ones exactly.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ClusterFailoverITCase {
    private static final long DEADLINE_MS = 3_000;

    @TempDir Path tmp;

    @Test
    void jobRecoversFromItsCheckpointAfterKillNineOfATaskManager() throws Exception {
        try (KafkaBroker broker = KafkaBroker.builder().build().start();
                FlinkCluster cluster =
                        FaultDrill.cluster(tmp.resolve("cluster"), 2, "29250-29300")) {
            String servers = broker.bootstrapServers();
            broker.createTopics(2, FaultDrill.TOPICS);
            String jobId =
                    cluster.submit(
                            JobJar.path(),
                            FaultDrill.jobArgs(
                                    servers,
                                    "cluster-failover-itcase",
                                    "--deadline-ms",
                                    Long.toString(DEADLINE_MS)));
            cluster.awaitRunning(jobId, Duration.ofSeconds(90));
            assertThat(cluster.taskManagers())
                    .as("both TaskManagers run a subtask, so the kill hits the job")
                    .allSatisfy(tm -> assertThat(tm.usedSlots()).isPositive());

            CompletableFuture<GroundTruth> generation =
                    CompletableFuture.supplyAsync(
                            () -> FaultDrill.generate(servers, 6_000, 300, DEADLINE_MS, tmp));
            FaultDrill.sleepS(6); // the generator runs for about 20 s
            FaultDrill.awaitCheckpoints(cluster, jobId, 2, Duration.ofSeconds(60));
            assertThat(generation).as("killed while the generator was still sending").isNotDone();
            long killedAt = System.nanoTime();
            cluster.killTaskManager(1);
            JobInfo recovered = awaitRecovery(cluster, jobId);
            double recoveryS = FaultDrill.secondsSince(killedAt);

            GroundTruth truth = generation.get(3, TimeUnit.MINUTES);
            CheckReport report = FaultDrill.check(servers, truth);
            assertThat(recovered.restoredCheckpoints())
                    .as("restored from a checkpoint")
                    .isPositive();
            FaultDrill.assertExact(report);
            FaultDrill.printFigures(
                    "kill -9 one of 2 TaskManagers",
                    truth,
                    report,
                    String.format("recovery %.1f s", recoveryS));
        }
    }

    private static JobInfo awaitRecovery(FlinkCluster cluster, String jobId) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            JobInfo info = cluster.jobInfo(jobId);
            if (info.restoredCheckpoints() > 0 && info.fullyRunning()) {
                return info;
            }
            assertThat(System.nanoTime())
                    .as("recovered within 120 s: %s", info)
                    .isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
