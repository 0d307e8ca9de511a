package dev.recon.sinks;

import dev.recon.model.avro.Alert;
import dev.recon.sinks.internal.AlertRecordSerializer;

/** Sinks of {@link Alert}s: the alerts topic and the log. */
public final class AlertSinks {
    private AlertSinks() {}

    /**
     * A Kafka sink writing each alert as {@code AlertJson} keyed by {@code alert_id}:
     *
     * <pre>{@code
     * alerts.sinkTo(AlertSinks.kafka().setBootstrapServers(servers).setTopic("alerts").build());
     * }</pre>
     */
    public static KafkaJsonSinkBuilder<Alert> kafka() {
        return new KafkaJsonSinkBuilder<>(AlertRecordSerializer::new);
    }

    /** A sink logging one WARN line per alert: {@code alerts.sinkTo(AlertSinks.log())}. */
    public static AlertLogSink log() {
        return new AlertLogSink();
    }
}
