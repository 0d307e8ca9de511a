package dev.recon.loadgen;

import dev.recon.kafka.KafkaBroker;
import dev.recon.model.AlertJson;
import dev.recon.model.avro.Alert;
import dev.recon.model.avro.AlertAction;
import dev.recon.model.avro.RuleMode;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Tests for {@link AlertChecker} and the {@code check} command against a real Kafka broker. */
class AlertCheckerITCase {
    private static KafkaBroker broker;
    private static GroundTruth truth;
    @TempDir Path dir;

    @BeforeAll
    static void generate() throws Exception {
        broker = KafkaBroker.builder().build().start();
        broker.createTopics(2, "payments", "bills", "alerts", "alerts-exact", "alerts-short");
        truth =
                LoadGenerator.builder()
                        .setBootstrapServers(broker.bootstrapServers())
                        .setEvents(900)
                        .setFaultFraction(0.01)
                        .setDeadline(Duration.ofMillis(300))
                        .build()
                        .run();
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    private static List<Alert> expectedAlerts() {
        List<Alert> alerts = new ArrayList<>();
        List<ExpectedAlert> expected = truth.expectedAlerts();
        for (int i = 0; i < expected.size(); i++) {
            alerts.add(TestAlerts.of(expected.get(i), 40 + i));
        }
        return alerts;
    }

    private static String cleanPaymentId(int nth) {
        Set<String> faulted = new HashSet<>();
        truth.faults().forEach(f -> faulted.add(f.paymentId()));
        int found = 0;
        for (long i = 0; ; i++) {
            String id = truth.run().paymentIdPrefix() + i;
            if (!faulted.contains(id) && found++ == nth) {
                return id;
            }
        }
    }

    private static void produce(String topic, List<byte[]> values) throws Exception {
        Map<String, Object> config =
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (var producer =
                new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            for (byte[] v : values) {
                producer.send(new ProducerRecord<>(topic, null, v)).get();
            }
        }
    }

    private static List<byte[]> json(List<Alert> alerts) {
        return new ArrayList<>(alerts.stream().map(AlertJson::toJson).toList());
    }

    private static AlertChecker checker(String topic, Duration timeout) {
        return AlertChecker.builder()
                .setBootstrapServers(broker.bootstrapServers())
                .setAlertsTopic(topic)
                .setGroundTruth(truth)
                .setTimeout(timeout)
                .setQuietPeriod(Duration.ofSeconds(1))
                .build();
    }

    /** Every expected alert, one twice, one false, one shadow, one resolve, one other run. */
    private static List<byte[]> alertsWithOneFalse() {
        List<Alert> alerts = expectedAlerts();
        alerts.add(alerts.get(0));
        alerts.add(TestAlerts.trigger("false-1", "amount-match", cleanPaymentId(0), 1));
        alerts.add(
                TestAlerts.alert(
                        "shadow-1",
                        "amount-match",
                        cleanPaymentId(1),
                        AlertAction.TRIGGER,
                        RuleMode.SHADOW,
                        1));
        ExpectedAlert healed = truth.expectedAlerts().get(0);
        alerts.add(
                TestAlerts.alert(
                        healed.alertId(),
                        healed.ruleId(),
                        healed.paymentId(),
                        AlertAction.RESOLVE,
                        RuleMode.ENFORCE,
                        2));
        alerts.add(TestAlerts.trigger("old-1", "bill-missing", "p-otherrun-1", 1));
        List<byte[]> values = json(alerts);
        values.add("not an alert".getBytes(StandardCharsets.UTF_8));
        return values;
    }

    @Test
    void reportsExactlyTheOneFalseAlert() throws Exception {
        produce("alerts", alertsWithOneFalse());

        CheckReport r = checker("alerts", Duration.ofSeconds(60)).check();
        assertThat(r.falseAlerts()).extracting(SeenAlert::alertId).containsExactly("false-1");
        assertThat(r.missed()).isEmpty();
        assertThat(r.passed()).isFalse();
        assertThat(r.timedOut()).isFalse();
        assertThat(r.shadowAlerts()).hasSize(1);
        assertThat(r.resolves()).hasSize(1);
        assertThat(r.duplicates()).isEqualTo(1);
        assertThat(r.otherRunAlerts()).isEqualTo(1);
        assertThat(r.undecodable()).isEqualTo(1);
        assertThat(r.latency().count()).isEqualTo(truth.expectedAlerts().size());
        assertThat(r.latency().max()).isEqualTo(40L + truth.expectedAlerts().size() - 1);

        Path file = dir.resolve("gt.jsonl");
        truth.write(file);
        CliRun cli =
                CliRun.of(
                        "check",
                        "--bootstrap-servers",
                        broker.bootstrapServers(),
                        "--ground-truth",
                        file.toString(),
                        "--quiet-s",
                        "1");
        assertThat(cli.exitCode()).isEqualTo(LoadGenMain.CHECK_FAILED);
        assertThat(cli.out()).contains("FAILED", "false-1", "false alerts: 1");
    }

    @Test
    void exactAlertsPassThroughTheCommandLine() throws Exception {
        produce("alerts-exact", json(expectedAlerts()));
        Path file = dir.resolve("gt.jsonl");
        truth.write(file);

        CliRun cli =
                CliRun.of(
                        "check",
                        "--bootstrap-servers",
                        broker.bootstrapServers(),
                        "--alerts-topic",
                        "alerts-exact",
                        "--ground-truth",
                        file.toString(),
                        "--quiet-s",
                        "1");
        assertThat(cli.exitCode()).as(cli.out() + cli.err()).isEqualTo(LoadGenMain.OK);
        assertThat(cli.out()).contains("PASSED");
    }

    @Test
    void missingAlertIsReportedAfterTheTimeout() throws Exception {
        List<Alert> alerts = expectedAlerts();
        Alert dropped = alerts.remove(alerts.size() - 1);
        produce("alerts-short", json(alerts));

        CheckReport r = checker("alerts-short", Duration.ofSeconds(4)).check();
        assertThat(r.timedOut()).isTrue();
        assertThat(r.missed())
                .extracting(ExpectedAlert::alertId)
                .containsExactly(dropped.getAlertId());
        assertThat(r.falseAlerts()).isEmpty();
    }
}
