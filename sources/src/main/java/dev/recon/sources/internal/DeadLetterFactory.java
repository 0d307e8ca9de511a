package dev.recon.sources.internal;

import dev.recon.model.avro.DeadLetter;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.Serializable;
import java.nio.ByteBuffer;

/** Makes a {@link DeadLetter} of a Kafka record: its coordinates, raw value and the reason. */
final class DeadLetterFactory implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Reasons are capped so a hostile payload cannot blow up a log line or a topic record. */
    static final int MAX_REASON_LENGTH = 1_000;

    private final String streamName;

    DeadLetterFactory(String streamName) {
        this.streamName = streamName;
    }

    DeadLetter of(ConsumerRecord<byte[], byte[]> record, String reason) {
        byte[] value = record.value();
        return DeadLetter.newBuilder()
                .setStream(streamName)
                .setTopic(record.topic())
                .setPartition(record.partition())
                .setOffset(record.offset())
                .setKafkaTimestamp(record.timestamp())
                .setReason(cap(reason))
                .setPayload(value == null ? null : ByteBuffer.wrap(value))
                .setDetectedAt(System.currentTimeMillis())
                .build();
    }

    private static String cap(String reason) {
        return reason.length() <= MAX_REASON_LENGTH
                ? reason
                : reason.substring(0, MAX_REASON_LENGTH - 3) + "...";
    }
}
