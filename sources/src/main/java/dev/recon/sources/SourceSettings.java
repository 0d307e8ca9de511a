package dev.recon.sources;

import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

import java.time.Duration;
import java.util.List;
import java.util.Properties;

/** The mutable settings of a {@link ReconSourceBuilder}, their checks and defaults. */
final class SourceSettings {
    String streamName;
    String bootstrapServers;
    List<String> topics = List.of();
    String groupId;
    OffsetsInitializer startingOffsets = committedElseEarliest();
    OffsetsInitializer stoppingOffsets;
    final Properties properties = new Properties();
    Duration maxOutOfOrderness = Duration.ofSeconds(2);
    Duration idleTimeout = Duration.ofSeconds(1);
    String keyField = "payment_id";
    int maxRecordBytes = RecordLimits.DEFAULT_MAX_RECORD_BYTES;
    Duration maxAhead = RecordLimits.DEFAULT_MAX_AHEAD;

    void check() {
        require(!blank(streamName), "stream name is required: setStreamName(...)");
        require(
                !blank(bootstrapServers),
                "bootstrap servers are required: setBootstrapServers(...)");
        require(
                !topics.isEmpty() && topics.stream().noneMatch(SourceSettings::blank),
                "at least one non-blank topic is required: setTopics(...)");
        require(!blank(groupId), "a consumer group id is required: setGroupId(...)");
        require(
                startingOffsets != null,
                "starting offsets must not be null: setStartingOffsets(...)");
        require(
                maxOutOfOrderness != null && !maxOutOfOrderness.isNegative(),
                "max out-of-orderness must be >= 0: setMaxOutOfOrderness(...)");
        require(
                idleTimeout != null && !idleTimeout.isNegative() && !idleTimeout.isZero(),
                "idle timeout must be > 0: setIdleTimeout(...)");
        require(!blank(keyField), "key field is required: setKeyField(...)");
        require(maxRecordBytes > 0, "max record bytes must be > 0: setMaxRecordBytes(...)");
        require(
                maxAhead != null && !maxAhead.isNegative(),
                "max event-time lead must be >= 0: setMaxEventTimeAhead(...)");
    }

    <O> void applyTo(KafkaSourceBuilder<O> kafka) {
        kafka.setProperties(properties)
                .setBootstrapServers(bootstrapServers)
                .setTopics(topics)
                .setGroupId(groupId)
                .setStartingOffsets(startingOffsets);
        if (!properties.containsKey("client.id.prefix")) {
            kafka.setClientIdPrefix(groupId + "-" + streamName);
        }
        if (stoppingOffsets != null) {
            kafka.setBounded(stoppingOffsets);
        }
    }

    @SuppressWarnings("deprecation") // the connector's API still takes OffsetResetStrategy
    private static OffsetsInitializer committedElseEarliest() {
        return OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
