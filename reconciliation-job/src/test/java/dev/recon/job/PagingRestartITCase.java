package dev.recon.job;

import dev.recon.job.testing.Checkpoints;
import dev.recon.job.testing.InJvmKafka;
import dev.recon.job.testing.LocalJobs;
import dev.recon.job.testing.RestartDrill;
import dev.recon.loadgen.CheckReport;
import dev.recon.loadgen.GroundTruth;
import dev.recon.model.AlertJson;
import dev.recon.model.avro.Alert;
import dev.recon.model.avro.AlertAction;
import dev.recon.model.avro.RuleMode;
import dev.recon.pager.local.Incident;
import dev.recon.pager.local.PagerDutyServer;
import dev.recon.pager.local.RecordedRequest;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages through a real PagerDuty Events v2 server while the job is cancelled mid-stream and
 * restored from its checkpoint, and while the server answers 503 for a while: every rule and
 * merchant with a break is paged, each page key opens exactly one incident (no duplicate page
 * across the restart or the retries), and nothing is rejected.
 */
class PagingRestartITCase {
    private static final long DEADLINE_MS = 3_000;
    private static final String ROUTING_KEY = "R0UT1NGKEY0123456789abcdefABCDEF";
    @RegisterExtension static final InJvmKafka KAFKA = new InJvmKafka();
    private static final PagerDutyServer PAGERDUTY = PagerDutyServer.start(ROUTING_KEY);

    @TempDir static Path tmp;

    @AfterAll
    static void stopServer() {
        PAGERDUTY.close();
    }

    @Test
    void everyBrokenRuleAndMerchantIsPagedOnceAcrossARestartAndAnOutage() throws Exception {
        Path checkpoints = tmp.resolve("checkpoints");
        Path keyFile = Files.writeString(tmp.resolve("routing-key"), ROUTING_KEY);
        JobOptions first = options("earliest", keyFile);
        JobClient job = LocalJobs.start(first, LocalJobs.config(first, checkpoints));
        CompletableFuture<GroundTruth> generation = CompletableFuture.supplyAsync(this::generate);

        Thread.sleep(3_000);
        Path jobDir = checkpoints.resolve(job.getJobID().toString());
        Path checkpoint = Checkpoints.awaitCompleted(jobDir, 2);
        job.cancel().get(30, TimeUnit.SECONDS);
        checkpoint = Checkpoints.latestCompleted(jobDir).orElse(checkpoint);
        PAGERDUTY.failFor(Duration.ofSeconds(4), 503);

        JobOptions second = options("latest", keyFile);
        Configuration restore = LocalJobs.config(second, checkpoints);
        restore.set(StateRecoveryOptions.SAVEPOINT_PATH, checkpoint.toUri().toString());
        JobClient restored = LocalJobs.start(second, restore);
        try {
            GroundTruth truth = generation.get(120, TimeUnit.SECONDS);
            CheckReport report = check(truth);
            assertThat(report.missed()).as(report.format()).isEmpty();
            assertThat(report.falseAlerts()).as(report.format()).isEmpty();

            Set<String> expected = pageableRuleMerchants();
            assertThat(expected).as("the run produced breaks to page").hasSizeGreaterThan(10);
            boolean all =
                    PAGERDUTY.await(s -> paged(s).containsAll(expected), Duration.ofSeconds(60));
            assertThat(new TreeSet<>(paged(PAGERDUTY)))
                    .as("paged rule/merchant pairs (waited: " + all + ")")
                    .isEqualTo(new TreeSet<>(expected));
            for (Map.Entry<String, List<Incident>> e : PAGERDUTY.incidents().entrySet()) {
                assertThat(e.getValue()).as("incidents of " + e.getKey()).hasSize(1);
            }
            List<RecordedRequest> requests = PAGERDUTY.requests();
            assertThat(requests).extracting(RecordedRequest::status).doesNotContain(400);
            assertThat(requests.stream().filter(r -> r.status() == 503))
                    .as("the outage was hit and retried through")
                    .isNotEmpty();
            assertThat(PAGERDUTY.droppedEvents()).as("resolves of unknown keys").isZero();
        } finally {
            restored.cancel().get(30, TimeUnit.SECONDS);
        }
    }

    /** "rule merchant" of every page key with an incident. */
    private static Set<String> paged(PagerDutyServer s) {
        return s.incidents().keySet().stream()
                .map(k -> k.split("/"))
                .map(p -> p[2] + " " + p[3])
                .collect(Collectors.toSet());
    }

    /** "rule merchant" of every enforce TRIGGER on the alerts topic. */
    private static Set<String> pageableRuleMerchants() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "paging-itcase-reader");
        Set<String> out = new HashSet<>();
        try (var c =
                new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of("alerts"));
            long quietUntil = System.currentTimeMillis() + 5_000;
            while (System.currentTimeMillis() < quietUntil) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(500))) {
                    Alert a = AlertJson.fromJson(r.value());
                    if (a.getAction() == AlertAction.TRIGGER && a.getMode() == RuleMode.ENFORCE) {
                        out.add(a.getRuleId() + " " + a.getMerchantId());
                        quietUntil = System.currentTimeMillis() + 3_000;
                    }
                }
            }
        }
        return out;
    }

    private GroundTruth generate() {
        return RestartDrill.generate(KAFKA, 23, DEADLINE_MS, tmp.resolve("truth.json"));
    }

    private static CheckReport check(GroundTruth truth) {
        return RestartDrill.check(KAFKA, truth);
    }

    private static JobOptions options(String startingOffsets, Path keyFile) throws Exception {
        return LocalJobs.options(
                "--bootstrap-servers", KAFKA.bootstrapServers(),
                "--starting-offsets", startingOffsets,
                "--deadline-ms", Long.toString(DEADLINE_MS),
                "--checkpoint-interval-ms", "500",
                "--parallelism", "2",
                "--group-id", "paging-itcase",
                "--pagers", "pagerduty",
                "--pagerduty-url", PAGERDUTY.url(),
                "--pagerduty-routing-key-file", keyFile.toString(),
                "--pagerduty-budget", "100000",
                "--page-refresh-ms", "2000");
    }
}
