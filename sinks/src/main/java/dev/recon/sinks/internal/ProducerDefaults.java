package dev.recon.sinks.internal;

import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.kafka.clients.producer.ProducerConfig;

import java.util.Properties;

/**
 * Producer settings for low-latency sinks: a record leaves within a few milliseconds ({@code
 * linger.ms=5}) and is acknowledged by all in-sync replicas, idempotently.
 */
public final class ProducerDefaults {
    /** How long the producer waits to fill a batch; small, since alerts are latency-bound. */
    public static final String LINGER_MS = "5";

    /** Broker default {@code transaction.max.timeout.ms}; Flink's default of 1 h exceeds it. */
    static final String TRANSACTION_TIMEOUT_MS = "900000";

    private ProducerDefaults() {}

    /** The defaults, then the caller's properties on top (so every default can be overridden). */
    public static Properties with(Properties overrides, DeliveryGuarantee guarantee) {
        Properties props = new Properties();
        props.setProperty(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
        props.setProperty(ProducerConfig.ACKS_CONFIG, "all");
        props.setProperty(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        if (guarantee == DeliveryGuarantee.EXACTLY_ONCE) {
            props.setProperty(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, TRANSACTION_TIMEOUT_MS);
        }
        props.putAll(overrides);
        return props;
    }
}
