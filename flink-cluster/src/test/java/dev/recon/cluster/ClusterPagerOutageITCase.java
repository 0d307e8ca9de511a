package dev.recon.cluster;

import dev.recon.kafka.KafkaBroker;
import dev.recon.loadgen.CheckReport;
import dev.recon.loadgen.GroundTruth;
import dev.recon.model.avro.AlertAction;
import dev.recon.model.avro.RuleMode;
import dev.recon.pager.local.Incident;
import dev.recon.pager.local.PagerDutyServer;
import dev.recon.pager.local.RecordedRequest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PagerDuty Events API answers 503 for 30 s mid-stream, then recovers: the job on the cluster
 * retries through it, every rule and merchant with an enforced break is paged, each page key opens
 * exactly one incident, nothing is rejected, and the alert ids are exactly the expected.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ClusterPagerOutageITCase {
    private static final long DEADLINE_MS = 3_000;
    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final String ROUTING_KEY = "R0UT1NGKEY0123456789abcdefABCDEF";

    @TempDir Path tmp;

    @Test
    void everyBreakIsPagedOnceThroughA30sOutage() throws Exception {
        Path keyFile = Files.writeString(tmp.resolve("routing-key"), ROUTING_KEY);
        try (PagerDutyServer pagerDuty = PagerDutyServer.start(ROUTING_KEY);
                KafkaBroker broker = KafkaBroker.builder().build().start();
                FlinkCluster cluster =
                        FaultDrill.cluster(tmp.resolve("cluster"), 1, "29401-29450")) {
            String servers = broker.bootstrapServers();
            broker.createTopics(2, FaultDrill.TOPICS);
            String jobId = cluster.submit(JobJar.path(), args(servers, pagerDuty, keyFile));
            cluster.awaitRunning(jobId, Duration.ofSeconds(90));

            CompletableFuture<GroundTruth> generation =
                    CompletableFuture.supplyAsync(
                            () -> FaultDrill.generate(servers, 6_000, 300, DEADLINE_MS, tmp));
            assertThat(pagerDuty.awaitAccepted(1, Duration.ofSeconds(60)))
                    .as("pages flow before the outage")
                    .isTrue();
            pagerDuty.failFor(OUTAGE, 503);
            Instant outageEnds = Instant.now().plus(OUTAGE);

            GroundTruth truth = generation.get(3, TimeUnit.MINUTES);
            CheckReport report = FaultDrill.check(servers, truth);
            FaultDrill.assertExact(report);
            Set<String> pageable = pageableRuleMerchants(servers);
            assertThat(pageable).as("the run produced breaks to page").hasSizeGreaterThan(10);
            boolean all =
                    pagerDuty.await(s -> paged(s).containsAll(pageable), Duration.ofSeconds(120));

            assertThat(new TreeSet<>(paged(pagerDuty)))
                    .as("paged rule/merchant pairs (all within 120 s: %s)", all)
                    .isEqualTo(new TreeSet<>(pageable));
            for (Map.Entry<String, List<Incident>> e : pagerDuty.incidents().entrySet()) {
                assertThat(e.getValue()).as("incidents of " + e.getKey()).hasSize(1);
            }
            List<RecordedRequest> requests = pagerDuty.requests();
            assertThat(requests).extracting(RecordedRequest::status).doesNotContain(400);
            long refused = requests.stream().filter(r -> r.status() == 503).count();
            assertThat(refused).as("the outage was hit and retried through").isPositive();
            assertThat(pagerDuty.droppedEvents()).as("resolves of unknown keys").isZero();
            FaultDrill.printFigures(
                    "PagerDuty answers 503 for 30 s",
                    truth,
                    report,
                    String.format(
                            "pages: %d page keys, %d incidents (1 per key), requests %d"
                                    + " (accepted %d, 503 %d, 400 0), the last incident"
                                    + " opened %.1f s after the outage ended",
                            pagerDuty.incidents().size(),
                            pagerDuty.incidents().values().stream().mapToInt(List::size).sum(),
                            requests.size(),
                            requests.stream().filter(RecordedRequest::accepted).count(),
                            refused,
                            lastOpenedAfter(pagerDuty, outageEnds)));
        }
    }

    /** Seconds from {@code end} to the opening of the last incident (0 if all were before). */
    private static double lastOpenedAfter(PagerDutyServer pd, Instant end) {
        Instant last =
                pd.incidents().values().stream()
                        .flatMap(List::stream)
                        .map(Incident::opened)
                        .max(Instant::compareTo)
                        .orElse(end);
        return Math.max(0, Duration.between(end, last).toMillis() / 1000.0);
    }

    private static List<String> args(String servers, PagerDutyServer pd, Path keyFile) {
        return FaultDrill.jobArgs(
                servers,
                "pager-outage-itcase",
                "--deadline-ms",
                Long.toString(DEADLINE_MS),
                "--pagers",
                "pagerduty",
                "--pagerduty-url",
                pd.url(),
                "--pagerduty-routing-key-file",
                keyFile.toString(),
                "--pagerduty-budget",
                "100000",
                "--page-refresh-ms",
                "2000");
    }

    /** "rule merchant" of every page key with an incident. */
    private static Set<String> paged(PagerDutyServer s) {
        return s.incidents().keySet().stream()
                .map(k -> k.split("/"))
                .map(p -> p[2] + " " + p[3])
                .collect(Collectors.toSet());
    }

    /** "rule merchant" of every enforced TRIGGER on the alerts topic. */
    private static Set<String> pageableRuleMerchants(String servers) {
        return AlertsTopic.readAll(servers).stream()
                .filter(a -> a.getAction() == AlertAction.TRIGGER)
                .filter(a -> a.getMode() == RuleMode.ENFORCE)
                .map(a -> a.getRuleId() + " " + a.getMerchantId())
                .collect(Collectors.toSet());
    }
}
