package dev.recon.job.stoploss;

import dev.recon.model.StopLossJson;
import dev.recon.model.avro.StopLossCommand;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Kafka records of stop-loss: JSON values keyed by target ({@code merchant:m-1}), so every record
 * of one target lands in one partition, in order.
 */
public final class StopLossKafkaSerializer {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private StopLossKafkaSerializer() {}

    /** Commands as {@link StopLossJson} on {@code topic}. */
    public static KafkaRecordSerializationSchema<StopLossCommand> commands(String topic) {
        return (c, ctx, ts) ->
                new ProducerRecord<>(
                        topic,
                        utf8(key(c.getTargetKind().name(), c.getTarget())),
                        utf8(StopLossJson.toJson(c)));
    }

    /** Audit JSON on {@code topic}, keyed by its target when it names one. */
    public static KafkaRecordSerializationSchema<String> audit(String topic) {
        return (json, ctx, ts) -> new ProducerRecord<>(topic, keyOf(json), utf8(json));
    }

    private static byte[] keyOf(String json) {
        try {
            JsonNode n = MAPPER.readTree(json);
            return n.hasNonNull("target")
                    ? utf8(key(n.path("target_kind").asText(), n.get("target").asText()))
                    : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String key(String kind, String target) {
        return kind.toLowerCase(Locale.ROOT) + ":" + target;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
