package dev.recon.job.testing;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads a topic from the start, for tests. */
public final class TopicReader {
    private TopicReader() {}

    /**
     * Every value of {@code topic} from the beginning: polls until at least {@code atLeast} came
     * (or 60 s passed), then once more for stragglers.
     */
    public static List<byte[]> readUntil(InJvmKafka kafka, String topic, int atLeast) {
        List<byte[]> out = new ArrayList<>();
        try (var c =
                new KafkaConsumer<byte[], byte[]>(
                        Map.of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                kafka.bootstrapServers(),
                                ConsumerConfig.GROUP_ID_CONFIG,
                                "reader-" + UUID.randomUUID(),
                                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                                "earliest",
                                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
                                4 << 20),
                        new ByteArrayDeserializer(),
                        new ByteArrayDeserializer())) {
            c.subscribe(List.of(topic));
            long end = System.currentTimeMillis() + 60_000;
            while (out.size() < atLeast && System.currentTimeMillis() < end) {
                c.poll(Duration.ofMillis(500)).forEach(r -> out.add(r.value()));
            }
            c.poll(Duration.ofMillis(1_000)).forEach(r -> out.add(r.value()));
        }
        return out;
    }
}
