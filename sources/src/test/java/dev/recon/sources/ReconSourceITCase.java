package dev.recon.sources;

import dev.recon.kafka.KafkaBroker;
import dev.recon.model.avro.DeadLetter;
import dev.recon.model.avro.PaymentEvent;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static dev.recon.sources.TestRecords.avro;
import static dev.recon.sources.TestRecords.payment;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads good and malformed records from a real broker through a {@link ReconSource} on a
 * MiniCluster.
 */
class ReconSourceITCase {
    private static final String TOPIC = TestRecords.TOPIC;
    private static final long T0 = 1_700_000_000_000L;

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
        broker.createTopics(2, TOPIC);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void goodRecordsComeOutAndBadOnesBecomeDeadLetters() throws Exception {
        List<PaymentEvent> good = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            good.add(payment("p-" + i, 100L * i, "USD", T0 + i));
        }
        produce(good);

        StreamExecutionEnvironment env = environment();
        SingleOutputStreamOperator<PaymentEvent> accepted = source().attach(env);
        CloseableIterator<PaymentEvent> acceptedOut = accepted.collectAsync();
        CloseableIterator<DeadLetter> deadOut =
                accepted.getSideOutput(DeadLetterSplitter.DEAD_LETTERS).collectAsync();
        env.execute("recon-source-itcase");

        assertThat(drain(acceptedOut)).containsExactlyInAnyOrderElementsOf(good);
        List<DeadLetter> dead = drain(deadOut);
        assertThat(dead)
                .extracting(DeadLetter::getReason)
                .anyMatch(r -> r.startsWith(DeadLetterReasons.NULL_VALUE))
                .anyMatch(r -> r.startsWith(DeadLetterReasons.UNDECODABLE))
                .anyMatch(r -> r.equals("invalid: PaymentEvent amount_minor is negative (-1)"))
                .anyMatch(r -> r.contains("currency 'usd' is not a known ISO 4217 code"))
                .hasSize(5);
        assertThat(dead).allSatisfy(d -> assertThat(d.getStream()).isEqualTo("payments"));
        assertThat(dead).allSatisfy(d -> assertThat(d.getTopic()).isEqualTo(TOPIC));
        assertThat(dead).allSatisfy(d -> assertThat(d.getKafkaTimestamp()).isEqualTo(T0));
        assertThat(dead).extracting(DeadLetter::getPayload).filteredOn(p -> p == null).hasSize(1);
    }

    private static ReconSource<PaymentEvent> source() {
        return ReconSource.builder(PaymentEvent.class)
                .setStreamName("payments")
                .setBootstrapServers(broker.bootstrapServers())
                .setTopics(TOPIC)
                .setGroupId("recon-source-itcase")
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setBounded(OffsetsInitializer.latest())
                .build();
    }

    private static StreamExecutionEnvironment environment() {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        assertThat(env.getConfig().getSerializerConfig().hasGenericTypesDisabled())
                .as("a Kryo fallback must fail the job")
                .isTrue();
        return env;
    }

    /** Writes the good records, then one record of each kind of bad input, all at time T0. */
    private static void produce(List<PaymentEvent> good) throws Exception {
        byte[] goodBytes = avro(good.get(1));
        Map<String, Object> config =
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (var producer =
                new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            for (PaymentEvent p : good) {
                send(producer, p.getPaymentId(), avro(p));
            }
            send(
                    producer,
                    "garbage",
                    new byte[] {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef});
            send(producer, "truncated", Arrays.copyOf(goodBytes, goodBytes.length - 4));
            send(producer, "tombstone", null);
            send(producer, "negative", avro(payment("negative", -1, "USD", T0)));
            send(producer, "lower", avro(payment("lower", 1, "usd", T0)));
        }
    }

    private static void send(KafkaProducer<String, byte[]> producer, String key, byte[] value)
            throws Exception {
        producer.send(new ProducerRecord<>(TOPIC, null, T0, key, value)).get();
    }

    private static <T> List<T> drain(CloseableIterator<T> it) throws Exception {
        List<T> out = new ArrayList<>();
        try (it) {
            it.forEachRemaining(out::add);
        }
        return out;
    }
}
