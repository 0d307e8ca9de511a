package dev.recon.cluster;

import dev.recon.kafka.KafkaBroker;
import dev.recon.loadgen.CheckReport;
import dev.recon.loadgen.GroundTruth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static dev.recon.cluster.FaultDrill.awaitCheckpoints;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 of the only Kafka broker while the job on the cluster still has verdicts to emit, and a
 * restart 10 s later on the same port and data folder: the job carries on (client retries, or a
 * restore from its checkpoint) and the alert ids seen equal the expected ones exactly, for the load
 * sent before the kill and the load sent after the restart.
 *
 * <p>The load generator's own producer gives up after 10 s without the broker ({@code
 * max.block.ms}), so it runs twice: up to the kill, and after the restart. Its last deadlines fall
 * due while the broker is down.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ClusterBrokerRestartITCase {
    private static final long DEADLINE_MS = 3_000;
    private static final long OUTAGE_S = 10;

    @TempDir Path tmp;

    @Test
    void jobCarriesOnAfterTheBrokerIsKilledAndRestarted() throws Exception {
        try (KafkaBroker broker = KafkaBroker.builder().build().start();
                FlinkCluster cluster =
                        FaultDrill.cluster(tmp.resolve("cluster"), 1, "29351-29400")) {
            String servers = broker.bootstrapServers();
            broker.createTopics(2, FaultDrill.TOPICS);
            String jobId =
                    cluster.submit(
                            JobJar.path(),
                            FaultDrill.jobArgs(
                                    servers,
                                    "broker-restart-itcase",
                                    "--deadline-ms",
                                    Long.toString(DEADLINE_MS)));
            cluster.awaitRunning(jobId, Duration.ofSeconds(90));

            GroundTruth before = generate(servers, "before", 23);
            assertThat(cluster.jobInfo(jobId).completedCheckpoints()).isPositive();
            long killedAt = System.nanoTime();
            broker.kill();
            FaultDrill.sleepS(OUTAGE_S);
            broker.start();
            double brokerBackS = FaultDrill.secondsSince(killedAt);
            long checkpoints = cluster.jobInfo(jobId).completedCheckpoints();
            awaitCheckpoints(cluster, jobId, checkpoints + 1, Duration.ofSeconds(120));
            double recoveryS = FaultDrill.secondsSince(killedAt);
            JobInfo info = cluster.awaitRunning(jobId, Duration.ofSeconds(60));
            GroundTruth after = generate(servers, "after", 24);

            CheckReport beforeReport = FaultDrill.check(servers, before);
            CheckReport afterReport = FaultDrill.check(servers, after);
            FaultDrill.assertExact(beforeReport);
            FaultDrill.assertExact(afterReport);
            String more =
                    String.format(
                            "broker back after %.1f s, first checkpoint after the kill at %.1f s,"
                                    + " job restores %d",
                            brokerBackS, recoveryS, info.restoredCheckpoints());
            FaultDrill.printFigures("broker kill -9 (load before)", before, beforeReport, more);
            FaultDrill.printFigures("broker kill -9 (load after)", after, afterReport, more);
        }
    }

    private GroundTruth generate(String servers, String name, long seed) {
        return FaultDrill.generate(
                servers, 3_000, 300, DEADLINE_MS, tmp.resolve(name + ".json"), seed);
    }
}
