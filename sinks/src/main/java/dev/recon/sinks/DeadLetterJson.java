package dev.recon.sinks;

import dev.recon.model.avro.DeadLetter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * The JSON form of a {@link DeadLetter} on the dead-letter topic: {@code stream, topic, partition,
 * offset, kafka_timestamp, reason, payload_base64} (null when there was no value) {@code ,
 * detected_at}.
 */
public final class DeadLetterJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DeadLetterJson() {}

    /** The record key: {@code topic/partition/offset} of the rejected record. */
    public static String key(DeadLetter d) {
        return d.getTopic() + "/" + d.getPartition() + "/" + d.getOffset();
    }

    /** Encodes a dead letter as UTF-8 JSON. */
    public static byte[] encode(DeadLetter d) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("stream", d.getStream());
        n.put("topic", d.getTopic());
        n.put("partition", d.getPartition());
        n.put("offset", d.getOffset());
        n.put("kafka_timestamp", d.getKafkaTimestamp());
        n.put("reason", d.getReason());
        n.put("payload_base64", d.getPayload() == null ? null : base64(d.getPayload()));
        n.put("detected_at", d.getDetectedAt());
        try {
            return MAPPER.writeValueAsBytes(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decodes a dead letter; throws {@link IllegalArgumentException} naming the bad field. */
    public static DeadLetter decode(byte[] json) {
        JsonNode n;
        try {
            n = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("dead letter is not JSON: " + e.getMessage(), e);
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("dead letter JSON is not an object");
        }
        return DeadLetter.newBuilder()
                .setStream(text(n, "stream"))
                .setTopic(text(n, "topic"))
                .setPartition((int) integer(n, "partition"))
                .setOffset(integer(n, "offset"))
                .setKafkaTimestamp(integer(n, "kafka_timestamp"))
                .setReason(text(n, "reason"))
                .setPayload(payload(n))
                .setDetectedAt(integer(n, "detected_at"))
                .build();
    }

    private static String base64(ByteBuffer payload) {
        ByteBuffer b = payload.duplicate();
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static ByteBuffer payload(JsonNode n) {
        JsonNode v = n.get("payload_base64");
        if (v == null || v.isNull()) {
            return null;
        }
        try {
            return ByteBuffer.wrap(Base64.getDecoder().decode(text(n, "payload_base64")));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'payload_base64' is not base64", e);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException(
                    "dead letter JSON lacks string field '" + field + "'");
        }
        return v.asText();
    }

    private static long integer(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new IllegalArgumentException(
                    "dead letter JSON lacks integer field '" + field + "'");
        }
        return v.asLong();
    }
}
