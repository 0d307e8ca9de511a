package dev.recon.loadgen;

import java.time.Duration;
import java.util.Objects;

/** Builder of {@link AlertChecker}; {@link #build()} names any missing setting. */
public final class AlertCheckerBuilder {
    private String servers;
    private String topic = "alerts";
    private GroundTruth truth;
    private Duration timeout = Duration.ofSeconds(120);
    private Duration quiet = Duration.ofSeconds(10);

    AlertCheckerBuilder() {}

    /** Kafka {@code bootstrap.servers}; required. */
    public AlertCheckerBuilder setBootstrapServers(String servers) {
        if (servers == null || servers.isBlank()) {
            throw new IllegalArgumentException("bootstrap servers must not be blank");
        }
        this.servers = servers.trim();
        return this;
    }

    /** Topic of the alerts (default {@code alerts}). */
    public AlertCheckerBuilder setAlertsTopic(String topic) {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("alerts topic must not be blank");
        }
        this.topic = topic.trim();
        return this;
    }

    /** The ground truth of the run to check; required. */
    public AlertCheckerBuilder setGroundTruth(GroundTruth truth) {
        this.truth = Objects.requireNonNull(truth, "truth");
        return this;
    }

    /** Longest time to read the alerts topic (default 120 s). */
    public AlertCheckerBuilder setTimeout(Duration timeout) {
        this.timeout = positive(timeout, "timeout");
        return this;
    }

    /** Stop once every expected alert was seen and nothing arrived for this long (default 10 s). */
    public AlertCheckerBuilder setQuietPeriod(Duration quiet) {
        this.quiet = positive(quiet, "quiet period");
        return this;
    }

    /** Validates; throws {@link IllegalStateException} naming what to set. */
    public AlertChecker build() {
        if (servers == null) {
            throw new IllegalStateException(
                    "bootstrap servers are not set: call setBootstrapServers(\"host:port\")");
        }
        if (truth == null) {
            throw new IllegalStateException(
                    "ground truth is not set: call setGroundTruth(GroundTruth.read(file))");
        }
        return new AlertChecker(servers, topic, truth, timeout, quiet);
    }

    private static Duration positive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + d);
        }
        return d;
    }
}
