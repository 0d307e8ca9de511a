package dev.recon.sources;

import dev.recon.model.avro.DeadLetter;
import dev.recon.sources.internal.AvroRecordDeserializer;
import dev.recon.sources.internal.EventTimeAssigner;
import dev.recon.sources.internal.FieldChecks;
import dev.recon.sources.internal.RecordLayout;

import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.types.Either;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Builder of a {@link ReconSource}; setter names follow Flink's {@code KafkaSourceBuilder}, and
 * {@link #build()} says which required setting is missing.
 *
 * @param <T> record type
 */
public final class ReconSourceBuilder<T extends SpecificRecordBase> {
    private final Class<T> recordClass;
    private final SourceSettings settings = new SourceSettings();
    private final List<RecordValidator<T>> validators = new ArrayList<>();

    ReconSourceBuilder(Class<T> recordClass) {
        this.recordClass = recordClass;
    }

    /** Logical stream name, e.g. {@code payments}; required. */
    public ReconSourceBuilder<T> setStreamName(String streamName) {
        settings.streamName = streamName;
        return this;
    }

    /** Kafka {@code bootstrap.servers}; required. */
    public ReconSourceBuilder<T> setBootstrapServers(String bootstrapServers) {
        settings.bootstrapServers = bootstrapServers;
        return this;
    }

    /** Topics to read; at least one required. */
    public ReconSourceBuilder<T> setTopics(String... topics) {
        settings.topics = List.of(topics);
        return this;
    }

    /** Consumer group id (offsets are committed to it on checkpoints); required. */
    public ReconSourceBuilder<T> setGroupId(String groupId) {
        settings.groupId = groupId;
        return this;
    }

    /** Where to start without restored state; default: committed offsets, else earliest. */
    public ReconSourceBuilder<T> setStartingOffsets(OffsetsInitializer startingOffsets) {
        settings.startingOffsets = startingOffsets;
        return this;
    }

    /** Makes the source bounded: it stops at these offsets (tests, backfills). */
    public ReconSourceBuilder<T> setBounded(OffsetsInitializer stoppingOffsets) {
        settings.stoppingOffsets = stoppingOffsets;
        return this;
    }

    /** Extra consumer properties (SASL, TLS, ...); the explicit setters take precedence. */
    public ReconSourceBuilder<T> setProperties(Properties properties) {
        settings.properties.putAll(properties);
        return this;
    }

    /** How late a record may be, in event time, before it counts as late; default 2 s. */
    public ReconSourceBuilder<T> setMaxOutOfOrderness(Duration maxOutOfOrderness) {
        settings.maxOutOfOrderness = maxOutOfOrderness;
        return this;
    }

    /** After this long without records a partition stops holding the watermark; default 1 s. */
    public ReconSourceBuilder<T> setIdleTimeout(Duration idleTimeout) {
        settings.idleTimeout = idleTimeout;
        return this;
    }

    /** Record field that must not be blank; default {@code payment_id}. */
    public ReconSourceBuilder<T> setKeyField(String keyField) {
        settings.keyField = keyField;
        return this;
    }

    /**
     * Largest Kafka value decoded, in bytes; a larger one is dead-lettered without decoding.
     * Default {@link RecordLimits#DEFAULT_MAX_RECORD_BYTES} (1 MiB).
     */
    public ReconSourceBuilder<T> setMaxRecordBytes(int maxRecordBytes) {
        settings.maxRecordBytes = maxRecordBytes;
        return this;
    }

    /**
     * How far ahead of the clock an {@code event_time} may be; default {@link
     * RecordLimits#DEFAULT_MAX_AHEAD} (5 min). Keep it below the job's allowed lateness.
     */
    public ReconSourceBuilder<T> setMaxEventTimeAhead(Duration maxAhead) {
        settings.maxAhead = maxAhead;
        return this;
    }

    /** Adds a semantic check, run after the built-in ones. */
    public ReconSourceBuilder<T> addValidator(RecordValidator<T> validator) {
        validators.add(validator);
        return this;
    }

    /**
     * Checks the settings and builds the source.
     *
     * @throws IllegalArgumentException naming the setter of a missing or bad setting
     */
    public ReconSource<T> build() {
        settings.check();
        RecordLayout layout = RecordLayout.of(recordClass, settings.keyField);
        KafkaSourceBuilder<Either<DeadLetter, T>> kafka = KafkaSource.builder();
        settings.applyTo(kafka);
        kafka.setDeserializer(
                new AvroRecordDeserializer<>(
                        settings.streamName,
                        recordClass,
                        new FieldChecks(layout, settings.maxAhead),
                        settings.maxRecordBytes,
                        validators));
        WatermarkStrategy<Either<DeadLetter, T>> watermarks =
                WatermarkStrategy.<Either<DeadLetter, T>>forBoundedOutOfOrderness(
                                settings.maxOutOfOrderness)
                        .withTimestampAssigner(new EventTimeAssigner<>(layout.eventTimePos()))
                        .withIdleness(settings.idleTimeout);
        return new ReconSource<>(settings.streamName, recordClass, kafka.build(), watermarks);
    }
}
