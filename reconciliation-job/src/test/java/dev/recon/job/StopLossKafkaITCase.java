package dev.recon.job;

import dev.recon.job.cli.StopLossUnblock;
import dev.recon.job.stoploss.StopLossFixtures;
import dev.recon.job.stoploss.StopLossStage;
import dev.recon.job.testing.InJvmKafka;
import dev.recon.job.testing.LocalJobs;
import dev.recon.model.StopLossJson;
import dev.recon.model.avro.Alert;
import dev.recon.model.avro.RuleMode;
import dev.recon.model.avro.StopLossCommand;
import dev.recon.model.avro.StopLossCommandType;
import dev.recon.model.avro.StopLossMode;
import dev.recon.model.avro.StopLossOutcome;

import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.formats.avro.AvroDeserializationSchema;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stop-loss part of the job on a MiniCluster with a real Kafka: alerts carrying a spec become a
 * BLOCK on the commands topic (enforce) or only an audit record (dry-run), and an unblock request
 * sent with {@code ./recon stoploss unblock} through the control topic ends the block.
 */
class StopLossKafkaITCase {
    @RegisterExtension static final InJvmKafka KAFKA = new InJvmKafka();
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir Path tmp;
    private JobClient job;

    @AfterEach
    void stop() throws Exception {
        if (job != null) {
            job.cancel().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void enforceBlocksAMerchantAndAnUnblockRequestEndsIt() throws Exception {
        String run = "e" + UUID.randomUUID().toString().substring(0, 6);
        JobOptions opts = start(run, "enforce");
        sendAlerts(run, "m-1");
        ConsumerRecord<String, String> block =
                await(opts.stopLossCommandsTopic(), r -> r.value().contains("\"BLOCK\""));
        StopLossCommand c = StopLossJson.fromJson(block.value());
        assertThat(block.key()).isEqualTo("merchant:m-1");
        assertThat(c.getOutcome()).isEqualTo(StopLossOutcome.ISSUED);
        assertThat(c.getMode()).isEqualTo(StopLossMode.ENFORCE);
        assertThat(c.getEvidenceAlertIds()).containsExactlyInAnyOrder(run + "-1", run + "-2");
        assertThat(c.getEvidenceAmountMinor()).isEqualTo(1_200);

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int code =
                StopLossUnblock.run(
                        new String[] {
                            "--bootstrap-servers", KAFKA.bootstrapServers(),
                            "--target", "merchant:m-1",
                            "--by", "alice",
                            "--reason", "bills re-sent",
                            "--control-topic", opts.stopLossControlTopic()
                        },
                        new PrintStream(printed),
                        System.err);
        assertThat(code).isZero();
        assertThat(printed.toString()).contains("sent to " + opts.stopLossControlTopic());
        ConsumerRecord<String, String> unblock =
                await(opts.stopLossCommandsTopic(), r -> r.value().contains("\"UNBLOCK\""));
        StopLossCommand u = StopLossJson.fromJson(unblock.value());
        assertThat(u.getCommand()).isEqualTo(StopLossCommandType.UNBLOCK);
        assertThat(u.getRequestedBy()).isEqualTo("alice");
        assertThat(unblock.key()).isEqualTo("merchant:m-1");
        assertThat(await(opts.stopLossAuditTopic(), r -> r.value().contains("UNBLOCKED")))
                .isNotNull();
    }

    @Test
    void dryRunAuditsWhatItWouldDoAndPublishesNothing() throws Exception {
        String run = "d" + UUID.randomUUID().toString().substring(0, 6);
        JobOptions opts = start(run, "dry-run");
        sendAlerts(run, "m-1");
        ConsumerRecord<String, String> audit =
                await(opts.stopLossAuditTopic(), r -> r.value().contains("\"ISSUED\""));
        StopLossCommand c = StopLossJson.fromJson(audit.value());
        assertThat(c.getMode()).isEqualTo(StopLossMode.DRY_RUN);
        assertThat(c.getCommand()).isEqualTo(StopLossCommandType.BLOCK);
        assertThat(StopLossStage.published(c)).isFalse();
        assertThat(read(opts.stopLossCommandsTopic(), Duration.ofSeconds(5)))
                .as("dry-run publishes no command")
                .isEmpty();
    }

    /** Starts the stop-loss part of the job: alerts (Avro) from a topic, the rest as in main. */
    private JobOptions start(String run, String mode) throws Exception {
        createTopics(run + "-alerts", run + "-control", run + "-commands", run + "-audit");
        JobOptions opts =
                LocalJobs.options(
                        "--bootstrap-servers",
                        KAFKA.bootstrapServers(),
                        "--group-id",
                        run,
                        "--stoploss",
                        mode,
                        "--stoploss-control-topic",
                        run + "-control",
                        "--stoploss-commands-topic",
                        run + "-commands",
                        "--stoploss-audit-topic",
                        run + "-audit",
                        "--checkpoint-interval-ms",
                        "1000",
                        "--parallelism",
                        "2");
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(
                        2, LocalJobs.config(opts, tmp.resolve("cp")));
        KafkaSource<Alert> source =
                KafkaSource.<Alert>builder()
                        .setBootstrapServers(KAFKA.bootstrapServers())
                        .setTopics(run + "-alerts")
                        .setGroupId(run + "-alerts")
                        .setStartingOffsets(OffsetsInitializer.earliest())
                        .setValueOnlyDeserializer(
                                AvroDeserializationSchema.forSpecific(Alert.class))
                        .build();
        DataStream<Alert> alerts =
                env.fromSource(source, WatermarkStrategy.noWatermarks(), "alerts").uid("alerts");
        KafkaInputs in = new KafkaInputs(opts);
        StopLossStage.Outputs out =
                StopLossStage.attach(alerts, in.stopLossRequests(env), opts.stopLoss());
        KafkaOutputs sinks = new KafkaOutputs(opts);
        sinks.stopLossCommands(out.commands());
        sinks.stopLossAudit(out.audit());
        job = env.executeAsync("stoploss-itcase-" + mode);
        long deadline = System.currentTimeMillis() + 60_000;
        while (job.getJobStatus().get(10, TimeUnit.SECONDS) != JobStatus.RUNNING) {
            assertThat(System.currentTimeMillis()).as("job running").isLessThan(deadline);
            Thread.sleep(50);
        }
        return opts;
    }

    /** Two breaks of 600 against a 1000 threshold, and a shadow break that must not count. */
    private static void sendAlerts(String run, String merchant) throws Exception {
        long now = System.currentTimeMillis();
        Alert shadow = alert(run + "-0", merchant, 5_000, now);
        shadow.setMode(RuleMode.SHADOW);
        try (var p =
                new KafkaProducer<>(
                        Map.<String, Object>of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()),
                        new StringSerializer(),
                        new ByteArraySerializer())) {
            for (Alert a :
                    List.of(
                            shadow,
                            alert(run + "-1", merchant, 600, now),
                            alert(run + "-2", merchant, 600, now))) {
                p.send(new ProducerRecord<>(run + "-alerts", a.getKey(), encode(a))).get();
            }
        }
    }

    private static Alert alert(String id, String merchant, long atRisk, long now) {
        return StopLossFixtures.alert(id, merchant, atRisk, now, 1_000L, 600_000L, 600_000L);
    }

    private static byte[] encode(Alert a) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder enc = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<>(Alert.class).write(a, enc);
        enc.flush();
        return out.toByteArray();
    }

    private static void createTopics(String... topics) throws Exception {
        try (Admin admin =
                Admin.create(
                        Map.of(
                                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                KAFKA.bootstrapServers()))) {
            List<NewTopic> t = new ArrayList<>();
            for (String name : topics) {
                t.add(new NewTopic(name, 2, (short) 1));
            }
            admin.createTopics(t).all().get(30, TimeUnit.SECONDS);
        }
    }

    /** The first record of {@code topic} matching {@code match}, within {@link #WAIT}. */
    private static ConsumerRecord<String, String> await(
            String topic, Predicate<ConsumerRecord<String, String>> match) {
        try (var c = consumer(topic)) {
            long end = System.currentTimeMillis() + WAIT.toMillis();
            while (System.currentTimeMillis() < end) {
                for (var r : c.poll(Duration.ofMillis(500))) {
                    if (match.test(r)) {
                        return r;
                    }
                }
            }
        }
        throw new AssertionError("no matching record on " + topic + " within " + WAIT);
    }

    private static List<String> read(String topic, Duration quiet) {
        List<String> out = new ArrayList<>();
        try (var c = consumer(topic)) {
            long end = System.currentTimeMillis() + quiet.toMillis();
            while (System.currentTimeMillis() < end) {
                c.poll(Duration.ofMillis(500)).forEach(r -> out.add(r.value()));
            }
        }
        return out;
    }

    private static KafkaConsumer<String, String> consumer(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        var c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
        c.subscribe(List.of(topic));
        return c;
    }
}
