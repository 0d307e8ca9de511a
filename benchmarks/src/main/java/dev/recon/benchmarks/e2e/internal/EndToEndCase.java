package dev.recon.benchmarks.e2e.internal;

import dev.recon.benchmarks.e2e.internal.ThroughputCases.Outcome;
import dev.recon.job.ReconciliationJob;
import dev.recon.job.rules.RuleSetProvider;
import dev.recon.loadgen.GroundTruth;
import dev.recon.model.avro.BillEvent;
import dev.recon.model.avro.PaymentEvent;

import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.formats.avro.AvroDeserializationSchema;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.util.Map;

/**
 * Case e: payments and bills pre-loaded on the real broker, read to the end (1) by the engine with
 * its Kafka sources and alert sink, (2) by a job that only reads and deserializes the Avro records
 * into a discarding sink, (3) by the hand-written job of case c on the same sources as (2). Rate:
 * events over the time from the first record read to the last sink's end of input.
 */
public final class EndToEndCase {
    private final Configuration config;
    private final int parallelism;
    private final BenchBroker broker;
    private long events;

    /** Runs on {@code broker} with {@code config} and {@code parallelism}. */
    public EndToEndCase(Configuration config, int parallelism, BenchBroker broker) {
        this.config = config;
        this.parallelism = parallelism;
        this.broker = broker;
    }

    /** Writes {@code payments} payments and their bills (0.1% per fault class) to the topics. */
    public GroundTruth preload(long payments) {
        GroundTruth truth = broker.send(payments, 0, 0.001, "bench_e");
        events = truth.paymentsSent() + truth.billsSent();
        return truth;
    }

    /** (1) The engine, as wired for Kafka, reading the topics to their end. */
    public Outcome engine(RuleSetProvider rules) throws Exception {
        return run(
                "e engine from Kafka",
                env ->
                        new ReconciliationJob(
                                        new BoundedKafkaInputs(broker.servers()),
                                        new KafkaAlertOutputs(broker.servers()),
                                        rules)
                                .build(env));
    }

    /** (2) Only the Kafka source and Avro deserialization, into a discarding sink. */
    public Outcome readOnly() throws Exception {
        return run(
                "e read+deserialize only",
                env -> {
                    discard(env, PaymentEvent.class, "payments");
                    discard(env, BillEvent.class, "bills");
                });
    }

    /**
     * (3, informative) What a user would otherwise write: the same Kafka sources and Avro
     * deserialization as (2), into the hand-written job of case c (deadline {@code deadlineMs}).
     */
    public Outcome handWritten(long deadlineMs) throws Exception {
        return run(
                "e hand-written from Kafka",
                env ->
                        read(env, PaymentEvent.class, "payments")
                                .keyBy(PaymentEvent::getPaymentId, Types.STRING)
                                .connect(
                                        read(env, BillEvent.class, "bills")
                                                .keyBy(BillEvent::getPaymentId, Types.STRING))
                                .process(new HandWrittenMatch(deadlineMs), Types.STRING)
                                .uid("hand-written-match")
                                .name("hand-written match")
                                .sinkTo(new TallySink<String>("alerts", r -> r))
                                .name("count alerts"));
    }

    private <T extends SpecificRecordBase> void discard(
            StreamExecutionEnvironment env, Class<T> type, String topic) {
        read(env, type, topic)
                .sinkTo(new TallySink<T>("events", r -> null))
                .name("discard " + topic);
    }

    private <T extends SpecificRecordBase> DataStream<T> read(
            StreamExecutionEnvironment env, Class<T> type, String topic) {
        KafkaSource<T> source =
                KafkaSource.<T>builder()
                        .setBootstrapServers(broker.servers())
                        .setTopics(topic)
                        .setGroupId("bench-read-only")
                        .setStartingOffsets(OffsetsInitializer.earliest())
                        .setBounded(OffsetsInitializer.latest())
                        .setValueOnlyDeserializer(AvroDeserializationSchema.forSpecific(type))
                        .build();
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), "read " + topic)
                .uid("read-" + topic)
                .filter(new MarkFirst<>())
                .name("mark first " + topic);
    }

    private Outcome run(String name, java.util.function.Consumer<StreamExecutionEnvironment> g)
            throws Exception {
        Tally.reset();
        TaskTimes.take();
        StreamExecutionEnvironment env = LocalEnv.env(parallelism, config);
        g.accept(env);
        ThreadCpu cpu = ThreadCpu.start();
        env.execute("bench " + name);
        Map<String, Double> used = cpu.stopAndGet();
        if (!name.contains("read")) { // the matchers' counters come with the task's end
            Tally.awaitMatched(3_000);
        }
        Thread.sleep(300); // the reporter sees the last tasks end after the job
        return new Outcome(name, events, Tally.seconds(), Tally.all(), TaskTimes.take(), used);
    }
}
