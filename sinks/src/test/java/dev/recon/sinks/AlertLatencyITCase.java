package dev.recon.sinks;

import dev.recon.kafka.KafkaBroker;
import dev.recon.model.AlertJson;
import dev.recon.model.avro.Alert;
import dev.recon.model.avro.AlertAction;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An unbounded job without checkpoints: a {@code read_committed} consumer sees each alert within a
 * second of its {@code detected_at}, so the default sink waits for no checkpoint.
 */
class AlertLatencyITCase {
    private static final String ALERTS = "alerts-latency";
    private static final int WANTED = 5;

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(1)
                            .build());

    @Test
    void alertsAreReadableWithinASecond() throws Exception {
        try (KafkaBroker broker = KafkaBroker.builder().build().start();
                KafkaConsumer<String, byte[]> consumer = consumer(broker)) {
            broker.createTopics(1, ALERTS);
            consumer.subscribe(List.of(ALERTS));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            JobClient job = startJob(broker.bootstrapServers());
            try {
                assertThat(latenciesOfFreshAlerts(consumer))
                        .hasSize(WANTED)
                        .allMatch(ms -> ms < 1_000);
            } finally {
                job.cancel().get();
            }
        }
    }

    private static JobClient startJob(String servers) throws Exception {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(1);
        DataGeneratorSource<Alert> alerts =
                new DataGeneratorSource<>(
                        i -> fresh("lat-" + i),
                        1_000,
                        RateLimiterStrategy.perSecond(5),
                        new AvroTypeInfo<>(Alert.class));
        env.fromSource(alerts, WatermarkStrategy.noWatermarks(), "alerts")
                .sinkTo(AlertSinks.kafka().setBootstrapServers(servers).setTopic(ALERTS).build());
        return env.executeAsync("alert-latency-itcase");
    }

    private static Alert fresh(String id) {
        Alert a = TestData.alert(id, AlertAction.TRIGGER);
        a.setDetectedAt(System.currentTimeMillis());
        return a;
    }

    /** Milliseconds from detection to receipt of the first alerts detected after subscribing. */
    private static List<Long> latenciesOfFreshAlerts(KafkaConsumer<String, byte[]> consumer) {
        List<Long> latencies = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 60_000;
        while (latencies.size() < WANTED && System.currentTimeMillis() < deadline) {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(20))) {
                long detectedAt = AlertJson.fromJson(r.value()).getDetectedAt();
                if (latencies.size() < WANTED) {
                    latencies.add(System.currentTimeMillis() - detectedAt);
                }
            }
        }
        return latencies;
    }

    private static KafkaConsumer<String, byte[]> consumer(KafkaBroker broker) {
        Map<String, Object> config =
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG, "latency",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
