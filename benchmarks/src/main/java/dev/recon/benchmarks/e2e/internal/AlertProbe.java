package dev.recon.benchmarks.e2e.internal;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Follows the alerts topic from its current end and records, per record key (the alert id), the
 * wall-clock time the alert first became readable.
 */
public final class AlertProbe implements AutoCloseable {
    private final Map<String, Long> firstSeen = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    /** Starts following {@code alerts} on {@code servers}; returns once positioned at the end. */
    public AlertProbe(String servers) {
        Properties p = new Properties();
        p.setProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        p.setProperty(
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.setProperty(
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class.getName());
        p.setProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.setProperty(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10");
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p);
        List<TopicPartition> parts =
                consumer.partitionsFor("alerts").stream()
                        .map(i -> new TopicPartition(i.topic(), i.partition()))
                        .toList();
        consumer.assign(parts);
        consumer.seekToEnd(parts);
        parts.forEach(consumer::position);
        thread = new Thread(() -> follow(consumer), "bench-alert-probe");
        thread.setDaemon(true);
        thread.start();
    }

    private void follow(KafkaConsumer<String, byte[]> consumer) {
        try (consumer) {
            while (running) {
                var records = consumer.poll(Duration.ofMillis(100));
                long now = System.currentTimeMillis();
                for (ConsumerRecord<String, byte[]> r : records) {
                    if (r.key() != null) {
                        firstSeen.putIfAbsent(r.key(), now);
                    }
                }
            }
        }
    }

    /** When the alert with this id was first read, or null. */
    public Long seen(String alertId) {
        return firstSeen.get(alertId);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
    }
}
