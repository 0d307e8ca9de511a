package dev.recon.sinks.internal;

import dev.recon.model.AlertJson;
import dev.recon.model.avro.Alert;

import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;

/**
 * An alert as a Kafka record: key = {@code alert_id} (UTF-8), so a TRIGGER and its RESOLVE share a
 * partition and stay in order; value = {@link AlertJson}; timestamp = {@code detected_at}.
 */
public final class AlertRecordSerializer implements KafkaRecordSerializationSchema<Alert> {
    private static final long serialVersionUID = 1L;

    private final String topic;

    /** Writes to the given topic. */
    public AlertRecordSerializer(String topic) {
        this.topic = topic;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(
            Alert alert, KafkaSinkContext context, Long timestamp) {
        return new ProducerRecord<>(
                topic,
                null,
                alert.getDetectedAt(),
                alert.getAlertId().getBytes(StandardCharsets.UTF_8),
                AlertJson.toJson(alert));
    }
}
