package dev.recon.sinks;

import dev.recon.sinks.internal.ProducerDefaults;

import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.sink.KafkaSinkBuilder;

import java.util.Properties;
import java.util.function.Function;

/**
 * Builder of a {@link KafkaSink} writing one JSON record per element; setter names follow Flink's
 * {@code KafkaSinkBuilder}. Get one from {@link AlertSinks#kafka()} or {@link
 * DeadLetterSinks#kafka()}.
 *
 * @param <T> element type
 */
public final class KafkaJsonSinkBuilder<T> {
    private final Function<String, KafkaRecordSerializationSchema<T>> serializerForTopic;
    private final Properties properties = new Properties();
    private String bootstrapServers;
    private String topic;
    private DeliveryGuarantee deliveryGuarantee = DeliveryGuarantee.AT_LEAST_ONCE;
    private String transactionalIdPrefix;

    KafkaJsonSinkBuilder(Function<String, KafkaRecordSerializationSchema<T>> serializerForTopic) {
        this.serializerForTopic = serializerForTopic;
    }

    /** Kafka {@code bootstrap.servers}; required. */
    public KafkaJsonSinkBuilder<T> setBootstrapServers(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        return this;
    }

    /** Topic to write to; required. */
    public KafkaJsonSinkBuilder<T> setTopic(String topic) {
        this.topic = topic;
        return this;
    }

    /** Extra producer properties (SASL, TLS, tuning); they override the low-latency defaults. */
    public KafkaJsonSinkBuilder<T> setProperties(Properties properties) {
        this.properties.putAll(properties);
        return this;
    }

    /**
     * Default {@code AT_LEAST_ONCE}: records are visible as soon as the broker has them. {@code
     * EXACTLY_ONCE} writes in transactions committed on checkpoints, so {@code read_committed}
     * consumers see a record only after the next checkpoint: too late for alerts.
     */
    public KafkaJsonSinkBuilder<T> setDeliveryGuarantee(DeliveryGuarantee deliveryGuarantee) {
        this.deliveryGuarantee = deliveryGuarantee;
        return this;
    }

    /** Prefix of transactional ids, unique per sink and cluster; required for EXACTLY_ONCE. */
    public KafkaJsonSinkBuilder<T> setTransactionalIdPrefix(String transactionalIdPrefix) {
        this.transactionalIdPrefix = transactionalIdPrefix;
        return this;
    }

    /**
     * Checks the settings and builds the sink.
     *
     * @throws IllegalArgumentException naming the setter of a missing setting
     */
    public KafkaSink<T> build() {
        require(
                !blank(bootstrapServers),
                "bootstrap servers are required: setBootstrapServers(...)");
        require(!blank(topic), "a topic is required: setTopic(...)");
        require(deliveryGuarantee != null, "delivery guarantee must not be null");
        boolean exactlyOnce = deliveryGuarantee == DeliveryGuarantee.EXACTLY_ONCE;
        require(
                !exactlyOnce || !blank(transactionalIdPrefix),
                "EXACTLY_ONCE needs a transactional id prefix: setTransactionalIdPrefix(...)");
        KafkaSinkBuilder<T> kafka =
                KafkaSink.<T>builder()
                        .setKafkaProducerConfig(
                                ProducerDefaults.with(properties, deliveryGuarantee))
                        .setBootstrapServers(bootstrapServers)
                        .setRecordSerializer(serializerForTopic.apply(topic))
                        .setDeliveryGuarantee(deliveryGuarantee);
        if (exactlyOnce) {
            kafka.setTransactionalIdPrefix(transactionalIdPrefix);
        }
        return kafka.build();
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
