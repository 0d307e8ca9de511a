package dev.recon.job;

import dev.recon.job.testing.InJvmKafka;
import dev.recon.job.testing.LocalJobs;
import dev.recon.loadgen.AlertChecker;
import dev.recon.loadgen.CheckReport;
import dev.recon.loadgen.FaultClass;
import dev.recon.loadgen.GroundTruth;
import dev.recon.loadgen.LoadGenerator;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end on real parts: a Kafka broker in this JVM, the job on a MiniCluster with RocksDB and
 * checkpoints, the load generator's faults, and the checker comparing alert ids exactly.
 */
class ReconciliationKafkaITCase {
    private static final long DEADLINE_MS = 2_000;
    @RegisterExtension static final InJvmKafka KAFKA = new InJvmKafka();

    @TempDir static Path tmp;

    @Test
    void detectsEveryInjectedFaultExactlyAndDeadLettersGarbage() throws Exception {
        int metricsPort = PrometheusScrape.freePort();
        JobClient job = startJob(metricsPort);
        try {
            List<byte[]> garbage =
                    List.of(
                            "not avro".getBytes(StandardCharsets.UTF_8),
                            new byte[] {(byte) 0xff, 1, 2},
                            new byte[0]);
            produceRaw("payments", garbage);
            GroundTruth truth =
                    LoadGenerator.builder()
                            .setBootstrapServers(KAFKA.bootstrapServers())
                            .setEvents(3_000)
                            .setFaultFraction(0.01)
                            .setSeed(7)
                            .setDeadline(Duration.ofMillis(DEADLINE_MS))
                            .setGroundTruthFile(tmp.resolve("truth.json"))
                            .build()
                            .run();
            CheckReport report =
                    AlertChecker.builder()
                            .setBootstrapServers(KAFKA.bootstrapServers())
                            .setAlertsTopic("alerts")
                            .setGroundTruth(truth)
                            .setTimeout(Duration.ofSeconds(60))
                            .setQuietPeriod(Duration.ofSeconds(2))
                            .build()
                            .check();

            assertThat(report.missed()).as(report.format()).isEmpty();
            assertThat(report.falseAlerts()).as(report.format()).isEmpty();
            assertThat(report.resolves())
                    .as("no break healed: the generator never sends late counterparts")
                    .isEmpty();
            for (FaultClass c : FaultClass.values()) {
                assertThat(report.perClass().get(c).injected())
                        .as("faults of %s injected", c)
                        .isPositive();
            }
            assertThat(report.latency().count()).isEqualTo(truth.expectedAlerts().size());

            List<String> deadLetters = readAll("dead-letters", garbage.size());
            assertThat(deadLetters)
                    .hasSize(garbage.size())
                    .allSatisfy(
                            json ->
                                    assertThat(json)
                                            .contains("\"topic\":\"payments\"")
                                            .contains("\"reason\""));

            String metrics = PrometheusScrape.get(metricsPort);
            assertThat(PrometheusScrape.sum(metrics, "_eventsIn", "stream=\"payments\""))
                    .isEqualTo(truth.paymentsSent());
            assertThat(PrometheusScrape.sum(metrics, "_eventsIn", "stream=\"bills\""))
                    .isEqualTo(truth.billsSent());
            assertThat(PrometheusScrape.sum(metrics, "deadLettered", "")).isEqualTo(garbage.size());
            assertThat(PrometheusScrape.sum(metrics, "recon_pairsMatched", "")).isPositive();
            assertThat(metrics)
                    .as(
                            "how far each stream is read behind, the verdicts held for it, the timer lag")
                    .containsPattern("recon_stream_eventTimeLagMs\\{[^}]*stream=\"payments\"")
                    .containsPattern("recon_stream_eventTimeLagMs\\{[^}]*stream=\"bills\"")
                    .contains("recon_heldVerdicts")
                    .contains("recon_timerLagMs");
            // Flink's reporter turns '-' in label values into '_'
            assertThat(PrometheusScrape.sum(metrics, "_breaks", "rule=\"bill_missing\""))
                    .isEqualTo(report.perClass().get(FaultClass.BILL_DROPPED).injected());
        } finally {
            job.cancel().get(30, TimeUnit.SECONDS);
        }
    }

    private static JobClient startJob(int metricsPort) throws Exception {
        JobOptions opts =
                LocalJobs.options(
                        "--bootstrap-servers", KAFKA.bootstrapServers(),
                        "--starting-offsets", "earliest",
                        "--deadline-ms", Long.toString(DEADLINE_MS),
                        "--checkpoint-interval-ms", "1000",
                        "--parallelism", "2");
        Configuration c = LocalJobs.config(opts, tmp.resolve("cp"));
        PrometheusScrape.configure(c, metricsPort);
        return LocalJobs.start(opts, c);
    }

    private static void produceRaw(String topic, List<byte[]> values) throws Exception {
        try (var p =
                new KafkaProducer<byte[], byte[]>(
                        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()),
                        new ByteArraySerializer(),
                        new ByteArraySerializer())) {
            for (byte[] v : values) {
                p.send(new ProducerRecord<>(topic, "garbage".getBytes(StandardCharsets.UTF_8), v))
                        .get();
            }
        }
    }

    private static List<String> readAll(String topic, int atLeast) {
        List<String> out = new ArrayList<>();
        try (var c =
                new KafkaConsumer<byte[], byte[]>(
                        Map.of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                KAFKA.bootstrapServers(),
                                ConsumerConfig.GROUP_ID_CONFIG,
                                "itcase-" + topic,
                                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                                "earliest"),
                        new ByteArrayDeserializer(),
                        new ByteArrayDeserializer())) {
            c.subscribe(List.of(topic));
            long end = System.currentTimeMillis() + 30_000;
            while (out.size() < atLeast && System.currentTimeMillis() < end) {
                c.poll(Duration.ofMillis(500))
                        .forEach(r -> out.add(new String(r.value(), StandardCharsets.UTF_8)));
            }
            c.poll(Duration.ofMillis(1000))
                    .forEach(r -> out.add(new String(r.value(), StandardCharsets.UTF_8)));
        }
        return out;
    }
}
