package dev.recon.sinks;

import dev.recon.sinks.internal.ProducerDefaults;

import org.apache.flink.connector.base.DeliveryGuarantee;
import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link KafkaJsonSinkBuilder#build()} checks and the low-latency producer defaults. */
class KafkaJsonSinkBuilderTest {

    @Test
    void requiresBootstrapServersAndTopic() {
        assertThatThrownBy(() -> AlertSinks.kafka().setTopic("alerts").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bootstrap servers are required: setBootstrapServers(...)");
        assertThatThrownBy(() -> DeadLetterSinks.kafka().setBootstrapServers("h:9092").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a topic is required: setTopic(...)");
    }

    @Test
    void exactlyOnceNeedsATransactionalIdPrefix() {
        var builder =
                AlertSinks.kafka()
                        .setBootstrapServers("h:9092")
                        .setTopic("alerts")
                        .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE);

        assertThatThrownBy(builder::build).hasMessageContaining("setTransactionalIdPrefix(...)");
        assertThat(builder.setTransactionalIdPrefix("recon-alerts").build()).isNotNull();
    }

    @Test
    void buildsWithDefaults() {
        assertThat(AlertSinks.kafka().setBootstrapServers("h:9092").setTopic("alerts").build())
                .isNotNull();
    }

    @Test
    void defaultsAreLowLatencyAndOverridable() {
        Properties none = ProducerDefaults.with(new Properties(), DeliveryGuarantee.AT_LEAST_ONCE);
        assertThat(none.getProperty("linger.ms")).isEqualTo("5");
        assertThat(none.getProperty("acks")).isEqualTo("all");
        assertThat(none).doesNotContainKey("transaction.timeout.ms");

        Properties mine = new Properties();
        mine.setProperty("linger.ms", "0");
        mine.setProperty("security.protocol", "SASL_SSL");
        Properties merged = ProducerDefaults.with(mine, DeliveryGuarantee.EXACTLY_ONCE);
        assertThat(merged.getProperty("linger.ms")).isEqualTo("0");
        assertThat(merged.getProperty("security.protocol")).isEqualTo("SASL_SSL");
        assertThat(merged.getProperty("transaction.timeout.ms")).isEqualTo("900000");
    }
}
