package dev.recon.kafka;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Starts a real broker (own JVM or in this one), round-trips a record, and checks cleanup. */
class KafkaBrokerITCase {

    @ParameterizedTest(name = "in process: {0}")
    @ValueSource(booleans = {false, true})
    void startsProducesConsumesAndCleansUp(boolean inProcess) throws Exception {
        Path dataDir;
        try (KafkaBroker broker = KafkaBroker.builder().setInProcess(inProcess).build().start()) {
            dataDir = broker.logFile().getParent();
            broker.createTopics(2, "roundtrip");
            try (var producer =
                    new KafkaProducer<String, String>(
                            Map.of(
                                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                    broker.bootstrapServers()),
                            new StringSerializer(),
                            new StringSerializer())) {
                producer.send(new ProducerRecord<>("roundtrip", "k", "hello")).get();
            }
            try (var consumer =
                    new KafkaConsumer<String, String>(
                            Map.of(
                                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                            broker.bootstrapServers(),
                                    ConsumerConfig.GROUP_ID_CONFIG, "t",
                                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                            new StringDeserializer(),
                            new StringDeserializer())) {
                consumer.subscribe(List.of("roundtrip"));
                String value = null;
                long end = System.currentTimeMillis() + 30_000;
                while (value == null && System.currentTimeMillis() < end) {
                    ConsumerRecords<String, String> recs = consumer.poll(Duration.ofMillis(500));
                    for (var r : recs) {
                        value = r.value();
                    }
                }
                assertThat(value).isEqualTo("hello");
            }
            assertThat(broker.isRunning()).isTrue();
        }
        assertThat(Files.exists(dataDir)).as("temporary data folder removed on close").isFalse();
    }
}
