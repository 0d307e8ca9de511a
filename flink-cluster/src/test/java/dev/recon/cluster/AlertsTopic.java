package dev.recon.cluster;

import dev.recon.model.AlertJson;
import dev.recon.model.avro.Alert;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/** Reads every alert of the alerts topic, from the start until it stays quiet for 3 s. */
final class AlertsTopic {
    private AlertsTopic() {}

    static List<Alert> readAll(String servers) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "alerts-reader-" + UUID.randomUUID());
        List<Alert> out = new ArrayList<>();
        try (var c =
                new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of("alerts"));
            long quietUntil = System.currentTimeMillis() + 10_000;
            while (System.currentTimeMillis() < quietUntil) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(500))) {
                    out.add(AlertJson.fromJson(r.value()));
                    quietUntil = System.currentTimeMillis() + 3_000;
                }
            }
        }
        return out;
    }
}
