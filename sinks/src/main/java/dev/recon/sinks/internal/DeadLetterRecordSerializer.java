package dev.recon.sinks.internal;

import dev.recon.model.avro.DeadLetter;
import dev.recon.sinks.DeadLetterJson;

import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;

/**
 * A dead letter as a Kafka record: key = {@code topic/partition/offset} of the rejected record,
 * value = {@link DeadLetterJson}, timestamp = {@code detected_at}.
 */
public final class DeadLetterRecordSerializer
        implements KafkaRecordSerializationSchema<DeadLetter> {
    private static final long serialVersionUID = 1L;

    private final String topic;

    /** Writes to the given topic. */
    public DeadLetterRecordSerializer(String topic) {
        this.topic = topic;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(
            DeadLetter deadLetter, KafkaSinkContext context, Long timestamp) {
        return new ProducerRecord<>(
                topic,
                null,
                deadLetter.getDetectedAt(),
                DeadLetterJson.key(deadLetter).getBytes(StandardCharsets.UTF_8),
                DeadLetterJson.encode(deadLetter));
    }
}
