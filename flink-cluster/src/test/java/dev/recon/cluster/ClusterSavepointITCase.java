package dev.recon.cluster;

import dev.recon.kafka.KafkaBroker;
import dev.recon.loadgen.CheckReport;
import dev.recon.loadgen.ExpectedAlert;
import dev.recon.loadgen.FaultClass;
import dev.recon.loadgen.GroundTruth;
import dev.recon.loadgen.SeenAlert;
import dev.recon.model.avro.Alert;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The upgrade path: stop with a savepoint mid-stream, then start a new job version from it (a rule
 * set with an added shadow rule). Breaks pending at the savepoint (a payment waiting for a bill
 * that never comes, an orphan bill) are decided by the new version, the alert ids are exactly the
 * expected ones (no false "missing" alert), and the new rule is in force.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ClusterSavepointITCase {
    private static final long DEADLINE_MS = 10_000;
    private static final Set<FaultClass> MISSING =
            Set.of(FaultClass.BILL_DROPPED, FaultClass.ORPHAN_BILL);

    @TempDir Path tmp;

    @Test
    void newVersionFromTheSavepointDecidesThePendingBreaks() throws Exception {
        Path v1 = RuleFiles.write(tmp.resolve("rules-v1"), DEADLINE_MS, "");
        Path v2 = RuleFiles.write(tmp.resolve("rules-v2"), DEADLINE_MS, RuleFiles.REFUND_REVIEW);
        try (KafkaBroker broker = KafkaBroker.builder().build().start();
                FlinkCluster cluster =
                        FaultDrill.cluster(tmp.resolve("cluster"), 1, "29301-29350")) {
            String servers = broker.bootstrapServers();
            broker.createTopics(2, FaultDrill.TOPICS);
            Path jar = JobJar.path();
            String first = cluster.submit(jar, args(servers, v1));
            cluster.awaitRunning(first, Duration.ofSeconds(90));
            CompletableFuture<GroundTruth> generation =
                    CompletableFuture.supplyAsync(
                            () -> FaultDrill.generate(servers, 12_000, 300, DEADLINE_MS, tmp));
            FaultDrill.sleepS(15);

            long stopAt = System.currentTimeMillis();
            long stopNanos = System.nanoTime();
            String savepoint = cluster.stopWithSavepoint(first);
            assertThat(Path.of(URI.create(savepoint)).resolve("_metadata")).exists();
            assertThat(cluster.jobStatus(first)).isEqualTo("FINISHED");
            long stoppedAt = System.currentTimeMillis();
            String second = cluster.submit(jar, args(servers, v2), savepoint);
            JobInfo info = cluster.awaitRunning(second, Duration.ofSeconds(90));
            double downS = FaultDrill.secondsSince(stopNanos);
            assertThat(info.restoredCheckpoints()).as("restored from the savepoint").isEqualTo(1);
            assertThat(generation).as("upgraded while the generator was sending").isNotDone();

            GroundTruth truth = generation.get(3, TimeUnit.MINUTES);
            CheckReport report = FaultDrill.check(servers, truth);
            FaultDrill.assertExact(report);
            int pending =
                    assertPendingDecidedByTheNewVersion(servers, truth, report, stopAt, stoppedAt);
            FaultDrill.printFigures(
                    "stop with a savepoint, new version (rule added) from it",
                    truth,
                    report,
                    String.format(
                            "%d breaks pending at the savepoint decided by the new version,"
                                    + " shadow alerts of the new rule %d, stop to running %.1f s",
                            pending, report.shadowAlerts().size(), downS));
        }
    }

    /**
     * Missing-counterpart breaks whose first side was sent well before the stop was asked for and
     * whose deadline fell after the old job had finished were in the savepoint's state only: the
     * new version must raise them.
     */
    private static int assertPendingDecidedByTheNewVersion(
            String servers, GroundTruth truth, CheckReport report, long stopAt, long stoppedAt) {
        List<ExpectedAlert> pending =
                truth.expectedAlerts().stream()
                        .filter(a -> MISSING.contains(a.faultClass()))
                        .filter(a -> a.decidedAt() - DEADLINE_MS < stopAt - 2_000)
                        .filter(a -> a.decidedAt() > stoppedAt)
                        .toList();
        assertThat(pending).as("breaks pending at the savepoint").hasSizeGreaterThan(5);
        assertThat(report.shadowAlerts())
                .as("the new version's shadow rule fires")
                .isNotEmpty()
                .extracting(SeenAlert::ruleId)
                .containsOnly("large-refund-review");
        Map<String, String> versionOf =
                AlertsTopic.readAll(servers).stream()
                        .collect(
                                Collectors.toMap(
                                        Alert::getAlertId, Alert::getRuleSetVersion, (a, b) -> a));
        String newVersion = versionOf.get(report.shadowAlerts().get(0).alertId());
        assertThat(pending)
                .extracting(a -> versionOf.get(a.alertId()))
                .as("raised by the new version")
                .containsOnly(newVersion);
        assertThat(Set.copyOf(versionOf.values())).as("two versions raised alerts").hasSize(2);
        return pending.size();
    }

    private static List<String> args(String servers, Path rules) {
        return FaultDrill.jobArgs(servers, "savepoint-itcase", "--rules", rules.toString());
    }
}
