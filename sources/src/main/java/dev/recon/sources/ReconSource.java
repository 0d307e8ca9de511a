package dev.recon.sources;

import dev.recon.model.avro.DeadLetter;

import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStreamSource;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.types.Either;

/**
 * A configured Kafka source of one Avro stream: the {@link KafkaSource} of {@code
 * Either<DeadLetter, T>}, its watermark strategy and types; {@link #attach} wires them into a job.
 *
 * <pre>{@code
 * ReconSource<PaymentEvent> payments = ReconSource.builder(PaymentEvent.class)
 *         .setStreamName("payments").setBootstrapServers(servers)
 *         .setTopics("payments").setGroupId("recon").build();
 * SingleOutputStreamOperator<PaymentEvent> stream = payments.attach(env);
 * DataStream<DeadLetter> dead = stream.getSideOutput(DeadLetterSplitter.DEAD_LETTERS);
 * }</pre>
 *
 * @param <T> record type
 */
public final class ReconSource<T extends SpecificRecordBase> {
    private final String streamName;
    private final Class<T> recordClass;
    private final KafkaSource<Either<DeadLetter, T>> kafkaSource;
    private final WatermarkStrategy<Either<DeadLetter, T>> watermarkStrategy;

    ReconSource(
            String streamName,
            Class<T> recordClass,
            KafkaSource<Either<DeadLetter, T>> kafkaSource,
            WatermarkStrategy<Either<DeadLetter, T>> watermarkStrategy) {
        this.streamName = streamName;
        this.recordClass = recordClass;
        this.kafkaSource = kafkaSource;
        this.watermarkStrategy = watermarkStrategy;
    }

    /** Starts the builder of a source of records of the given generated Avro class. */
    public static <T extends SpecificRecordBase> ReconSourceBuilder<T> builder(
            Class<T> recordClass) {
        return new ReconSourceBuilder<>(recordClass);
    }

    /** The logical stream name (also in every dead letter). */
    public String streamName() {
        return streamName;
    }

    /** The Flink Kafka source; every record read becomes a Right (accepted) or Left (rejected). */
    public KafkaSource<Either<DeadLetter, T>> kafkaSource() {
        return kafkaSource;
    }

    /** Event time from {@code event_time}, bounded out-of-orderness, idleness. */
    public WatermarkStrategy<Either<DeadLetter, T>> watermarkStrategy() {
        return watermarkStrategy;
    }

    /** Type of the source's elements: Either of two Avro types, never Kryo. */
    public TypeInformation<Either<DeadLetter, T>> producedType() {
        return kafkaSource.getProducedType();
    }

    /** Type of the accepted records. */
    public TypeInformation<T> recordType() {
        return new AvroTypeInfo<>(recordClass);
    }

    /** Adds the raw source to the job, with uid {@code source-<stream>}. */
    public DataStreamSource<Either<DeadLetter, T>> addRawSource(StreamExecutionEnvironment env) {
        DataStreamSource<Either<DeadLetter, T>> raw =
                env.fromSource(
                        kafkaSource, watermarkStrategy, "kafka-" + streamName, producedType());
        raw.uid("source-" + streamName);
        return raw;
    }

    /**
     * Adds the source and a {@link DeadLetterSplitter} (uid {@code dead-letters-<stream>}); the
     * result carries the accepted records, its {@link DeadLetterSplitter#DEAD_LETTERS} side output
     * the rejected ones.
     */
    public SingleOutputStreamOperator<T> attach(StreamExecutionEnvironment env) {
        return addRawSource(env)
                .process(new DeadLetterSplitter<>(recordType()))
                .name("dead-letters-" + streamName)
                .uid("dead-letters-" + streamName);
    }
}
