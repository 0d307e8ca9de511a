package dev.recon.kafka;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Starts a real broker (own JVM or in this one), round-trips a record, and checks cleanup. */
class KafkaBrokerITCase {

    @Test
    void killedBrokerRestartsOnTheSamePortWithItsRecords() throws Exception {
        try (KafkaBroker broker = KafkaBroker.builder().build().start()) {
            String servers = broker.bootstrapServers();
            broker.createTopics(1, "kept");
            produce(servers, "before");
            broker.kill();
            assertThat(broker.isRunning()).isFalse();
            assertThatThrownBy(broker::kill).hasMessageContaining("start() it first");

            broker.start();
            assertThat(broker.bootstrapServers()).isEqualTo(servers);
            produce(servers, "after");
            assertThat(consume(servers, "kept", 2)).containsExactly("before", "after");
            assertThatThrownBy(broker::start).hasMessageContaining("kill() or close() it first");
        }
    }

    private static void produce(String servers, String value) throws Exception {
        try (var producer =
                new KafkaProducer<String, String>(
                        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers),
                        new StringSerializer(),
                        new StringSerializer())) {
            producer.send(new ProducerRecord<>("kept", "k", value)).get();
        }
    }

    private static List<String> consume(String servers, String topic, int n) {
        List<String> values = new java.util.ArrayList<>();
        try (var consumer =
                new KafkaConsumer<String, String>(
                        Map.of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                                ConsumerConfig.GROUP_ID_CONFIG, "restart",
                                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                        new StringDeserializer(),
                        new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long end = System.currentTimeMillis() + 30_000;
            while (values.size() < n && System.currentTimeMillis() < end) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(r.value()));
            }
        }
        return values;
    }

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
