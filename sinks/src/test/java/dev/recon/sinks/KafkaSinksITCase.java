package dev.recon.sinks;

import dev.recon.kafka.KafkaBroker;
import dev.recon.model.AlertJson;
import dev.recon.model.avro.Alert;
import dev.recon.model.avro.AlertAction;
import dev.recon.model.avro.DeadLetter;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tiny Flink job writes alerts and dead letters to a real broker; a plain consumer reads them.
 */
class KafkaSinksITCase {
    private static final String ALERTS = "alerts";
    private static final String DEAD_LETTERS = "dead-letters";

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    private static KafkaBroker broker;

    @BeforeAll
    static void startBroker() throws IOException {
        broker = KafkaBroker.builder().build().start();
        broker.createTopics(2, ALERTS, DEAD_LETTERS);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void writesKeyedJsonThatReadsBack() throws Exception {
        Alert trigger = TestData.alert("a-1", AlertAction.TRIGGER);
        Alert resolve = TestData.alert("a-1", AlertAction.RESOLVE);
        Alert other = TestData.alert("a-2", AlertAction.TRIGGER);
        DeadLetter garbage = TestData.deadLetter(41, new byte[] {(byte) 0xde, (byte) 0xad});
        DeadLetter tombstone = TestData.deadLetter(42, null);

        StreamExecutionEnvironment env = environment();
        env.fromData(new AvroTypeInfo<>(Alert.class), trigger, resolve, other)
                .setParallelism(1)
                .sinkTo(
                        AlertSinks.kafka()
                                .setBootstrapServers(broker.bootstrapServers())
                                .setTopic(ALERTS)
                                .build())
                .setParallelism(1); // one writer, so TRIGGER is sent before RESOLVE
        env.fromData(new AvroTypeInfo<>(DeadLetter.class), garbage, tombstone)
                .sinkTo(
                        DeadLetterSinks.kafka()
                                .setBootstrapServers(broker.bootstrapServers())
                                .setTopic(DEAD_LETTERS)
                                .build());
        env.execute("kafka-sinks-itcase");

        List<ConsumerRecord<String, byte[]>> alerts = read(ALERTS, 3);
        assertThat(alerts)
                .extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrder("a-1", "a-1", "a-2");
        assertThat(alerts)
                .extracting(r -> AlertJson.fromJson(r.value()))
                .containsExactlyInAnyOrder(trigger, resolve, other);
        List<ConsumerRecord<String, byte[]>> a1 =
                alerts.stream().filter(r -> r.key().equals("a-1")).toList();
        assertThat(a1).extracting(ConsumerRecord::partition).containsOnly(a1.get(0).partition());
        assertThat(a1)
                .extracting(r -> AlertJson.fromJson(r.value()).getAction())
                .as("one key, one partition: RESOLVE stays after TRIGGER")
                .containsExactly(AlertAction.TRIGGER, AlertAction.RESOLVE);
        assertThat(alerts)
                .extracting(ConsumerRecord::timestamp)
                .containsOnly(trigger.getDetectedAt());

        List<ConsumerRecord<String, byte[]>> dead = read(DEAD_LETTERS, 2);
        assertThat(dead)
                .extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrder("payments/3/41", "payments/3/42");
        assertThat(dead)
                .extracting(r -> DeadLetterJson.decode(r.value()))
                .containsExactlyInAnyOrder(garbage, tombstone);
        assertThat(dead)
                .extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                .anyMatch(json -> json.contains("\"payload_base64\":\"3q0=\""))
                .anyMatch(json -> json.contains("\"payload_base64\":null"));
    }

    private static StreamExecutionEnvironment environment() {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        return env;
    }

    /** Reads a topic from the start until {@code expected} records arrived (30 s at most). */
    private static List<ConsumerRecord<String, byte[]>> read(String topic, int expected) {
        Map<String, Object> config =
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        broker.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "itcase-" + topic,
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest");
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (var consumer =
                new KafkaConsumer<>(
                        config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 30_000;
            while (out.size() < expected && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(out::add);
            }
            consumer.poll(Duration.ofMillis(500)).forEach(out::add); // nothing extra may follow
        }
        return out;
    }
}
