package dev.recon.loadgen;

import dev.recon.loadgen.internal.AlertMatcher;
import dev.recon.loadgen.internal.AlertReader;
import dev.recon.loadgen.internal.KafkaClients;
import dev.recon.model.avro.Alert;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the alerts topic from the beginning and compares what it holds with a {@link GroundTruth}:
 * missed alerts, false alerts, shadow alerts, resolves and detection latency.
 *
 * <pre>{@code
 * CheckReport report = AlertChecker.builder()
 *         .setBootstrapServers("127.0.0.1:9092")
 *         .setGroundTruth(GroundTruth.read(Path.of("ground-truth.jsonl")))
 *         .build()
 *         .check();
 * System.out.print(report.format());
 * }</pre>
 */
public final class AlertChecker {
    private final String servers;
    private final String topic;
    private final GroundTruth truth;
    private final Duration timeout;
    private final Duration quiet;

    AlertChecker(
            String servers, String topic, GroundTruth truth, Duration timeout, Duration quiet) {
        this.servers = servers;
        this.topic = topic;
        this.truth = truth;
        this.timeout = timeout;
        this.quiet = quiet;
    }

    /** A builder; the bootstrap servers and the ground truth have no default. */
    public static AlertCheckerBuilder builder() {
        return new AlertCheckerBuilder();
    }

    /**
     * Checks that Kafka answers, reads alerts until every expected alert was seen and none arrived
     * for the quiet period (or until the timeout), and compares.
     *
     * @throws LoadGenException if Kafka is unreachable or the alerts topic never appears
     */
    public CheckReport check() {
        KafkaClients.checkReachable(servers);
        Set<String> expectedIds = new HashSet<>();
        truth.expectedAlerts().forEach(e -> expectedIds.add(e.alertId()));
        try (AlertReader reader = new AlertReader(servers, topic)) {
            AlertReader.Result r = reader.read(expectedIds, timeout, quiet);
            return evaluate(truth, r.alerts()).withReading(r.undecodable(), r.timedOut());
        }
    }

    /**
     * Compares alerts with a ground truth without Kafka: the alerts are deduplicated by id, alerts
     * of other runs (keys not starting with the run's payment id prefix) are ignored.
     */
    public static CheckReport evaluate(GroundTruth truth, List<Alert> alerts) {
        return AlertMatcher.match(truth, alerts);
    }
}
