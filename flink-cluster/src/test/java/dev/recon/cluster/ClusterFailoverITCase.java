package dev.recon.cluster;

import dev.recon.kafka.KafkaBroker;
import dev.recon.loadgen.AlertChecker;
import dev.recon.loadgen.CheckReport;
import dev.recon.loadgen.ClassResult;
import dev.recon.loadgen.GroundTruth;
import dev.recon.loadgen.LoadGenerator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
    private static final int EVENTS = 6_000;
    private static final String[] TOPICS = {
        "payments", "bills", "alerts", "dead-letters", "rules-control", "rules-audit"
    };

    @TempDir Path tmp;

    @Test
    void jobRecoversFromItsCheckpointAfterKillNineOfATaskManager() throws Exception {
        Path jar = JobJar.path();
        try (KafkaBroker broker = KafkaBroker.builder().build().start();
                FlinkCluster cluster = cluster()) {
            broker.createTopics(2, TOPICS);
            String jobId = cluster.submit(jar, jobArgs(broker.bootstrapServers()));
            cluster.awaitRunning(jobId, Duration.ofSeconds(90));
            assertThat(cluster.taskManagers())
                    .as("both TaskManagers run a subtask, so the kill hits the job")
                    .allSatisfy(tm -> assertThat(tm.usedSlots()).isPositive());

            CompletableFuture<GroundTruth> generation =
                    CompletableFuture.supplyAsync(() -> generate(broker.bootstrapServers()));
            Thread.sleep(6_000); // the generator runs for about 20 s
            awaitCheckpoints(cluster, jobId, 2);
            assertThat(generation).as("killed while the generator was still sending").isNotDone();
            long killedAt = System.nanoTime();
            cluster.killTaskManager(1);
            JobInfo recovered = awaitRecovery(cluster, jobId);
            double recoveryS = (System.nanoTime() - killedAt) / 1e9;

            GroundTruth truth = generation.get(3, TimeUnit.MINUTES);
            CheckReport report = check(broker.bootstrapServers(), truth);
            assertThat(recovered.restoredCheckpoints())
                    .as("restored from a checkpoint")
                    .isPositive();
            assertThat(report.missed()).as(report.format()).isEmpty();
            assertThat(report.falseAlerts()).as(report.format()).isEmpty();
            assertThat(report.resolves()).as(report.format()).isEmpty();
            int expected =
                    report.perClass().values().stream().mapToInt(ClassResult::expected).sum();
            assertThat(expected).as("the run injected faults that alert").isPositive();
            System.out.printf(
                    "RELIABILITY kill -9 one of 2 TaskManagers: events %d (payments %d, bills %d),"
                            + " faults 1, alerts expected %d seen %d (missed %d, extra %d),"
                            + " duplicates %d, recovery %.1f s%n",
                    truth.paymentsSent() + truth.billsSent(),
                    truth.paymentsSent(),
                    truth.billsSent(),
                    expected,
                    expected - report.missed().size(),
                    report.missed().size(),
                    report.falseAlerts().size(),
                    report.duplicates(),
                    recoveryS);
        }
    }

    private FlinkCluster cluster() throws Exception {
        return FlinkCluster.builder()
                .setDir(tmp.resolve("cluster"))
                .setTaskManagers(2)
                .setSlots(2)
                .setRestPort(0)
                .setMetricsPorts("29250-29300")
                .setHeartbeatTimeout(Duration.ofSeconds(15))
                .build()
                .start();
    }

    private static List<String> jobArgs(String servers) {
        return List.of(
                "--bootstrap-servers", servers,
                "--starting-offsets", "earliest",
                "--deadline-ms", Long.toString(DEADLINE_MS),
                "--checkpoint-interval-ms", "1000",
                "--parallelism", "2",
                "--group-id", "cluster-failover-itcase");
    }

    private GroundTruth generate(String servers) {
        return LoadGenerator.builder()
                .setBootstrapServers(servers)
                .setEvents(EVENTS)
                .setRatePerSecond(300)
                .setFaultFraction(0.01)
                .setSeed(23)
                .setDeadline(Duration.ofMillis(DEADLINE_MS))
                .setGroundTruthFile(tmp.resolve("truth.json"))
                .build()
                .run();
    }

    private static CheckReport check(String servers, GroundTruth truth) {
        return AlertChecker.builder()
                .setBootstrapServers(servers)
                .setAlertsTopic("alerts")
                .setGroundTruth(truth)
                .setTimeout(Duration.ofSeconds(90))
                .setQuietPeriod(Duration.ofSeconds(5))
                .build()
                .check();
    }

    private static void awaitCheckpoints(FlinkCluster cluster, String jobId, long n)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (cluster.jobInfo(jobId).completedCheckpoints() < n) {
            assertThat(System.nanoTime()).as("%d checkpoints within 60 s", n).isLessThan(deadline);
            Thread.sleep(200);
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
