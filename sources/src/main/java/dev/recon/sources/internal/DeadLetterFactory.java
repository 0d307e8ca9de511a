package dev.recon.sources.internal;

import dev.recon.model.avro.DeadLetter;
import dev.recon.sources.RecordLimits;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Makes a {@link DeadLetter} of a Kafka record: its coordinates, the reason, and the raw value or,
 * for a value above {@link RecordLimits#MAX_PAYLOAD_BYTES_KEPT}, its first bytes (the reason then
 * says so), so a hostile payload cannot overflow the dead-letter topic's record size.
 */
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
        int kept = value == null ? 0 : Math.min(value.length, RecordLimits.MAX_PAYLOAD_BYTES_KEPT);
        String note =
                value == null || kept == value.length
                        ? ""
                        : " [payload cut: the first "
                                + kept
                                + " of "
                                + value.length
                                + " bytes kept]";
        return DeadLetter.newBuilder()
                .setStream(streamName)
                .setTopic(record.topic())
                .setPartition(record.partition())
                .setOffset(record.offset())
                .setKafkaTimestamp(record.timestamp())
                .setReason(cap(reason, MAX_REASON_LENGTH - note.length()) + note)
                .setPayload(payload(value, kept))
                .setDetectedAt(System.currentTimeMillis())
                .build();
    }

    /** The value, or a copy of its first {@code kept} bytes, so the rest can be freed. */
    private static ByteBuffer payload(byte[] value, int kept) {
        if (value == null) {
            return null;
        }
        return ByteBuffer.wrap(kept == value.length ? value : Arrays.copyOf(value, kept));
    }

    private static String cap(String reason, int max) {
        return reason.length() <= max ? reason : reason.substring(0, max - 3) + "...";
    }
}
