package dev.recon.job;

import dev.recon.model.avro.BillEvent;
import dev.recon.model.avro.DeadLetter;
import dev.recon.model.avro.PaymentEvent;
import dev.recon.sources.DeadLetterSplitter;
import dev.recon.sources.ReconSource;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

import java.util.regex.Pattern;

/** Reads payments and bills from Kafka; undecodable records become dead letters. */
final class KafkaInputs implements ReconciliationJob.InputFactory {
    private static final long serialVersionUID = 1L;

    /** How often the stop-loss control topic is looked for, ms. */
    static final long STOPLOSS_DISCOVERY_MS = 10_000;

    private final JobOptions opts;

    KafkaInputs(JobOptions opts) {
        this.opts = opts;
    }

    @Override
    public ReconciliationInputs create(StreamExecutionEnvironment env) {
        SingleOutputStreamOperator<PaymentEvent> payments =
                source(PaymentEvent.class, "payments", opts.paymentsTopic()).attach(env);
        SingleOutputStreamOperator<BillEvent> bills =
                source(BillEvent.class, "bills", opts.billsTopic()).attach(env);
        DataStream<DeadLetter> dead =
                payments.getSideOutput(DeadLetterSplitter.DEAD_LETTERS)
                        .union(bills.getSideOutput(DeadLetterSplitter.DEAD_LETTERS));
        return new ReconciliationInputs(
                payments,
                bills,
                dead,
                ruleUpdates(env),
                opts.stopLoss().enabled() ? stopLossRequests(env) : null);
    }

    private <T extends org.apache.avro.specific.SpecificRecordBase> ReconSource<T> source(
            Class<T> type, String stream, String topic) {
        return ReconSource.builder(type)
                .setStreamName(stream)
                .setBootstrapServers(opts.bootstrapServers())
                .setTopics(topic)
                .setGroupId(opts.groupId())
                .setStartingOffsets(startingOffsets())
                .setProperties(opts.kafkaProperties())
                .setMaxOutOfOrderness(opts.outOfOrderness())
                .setIdleTimeout(opts.idleness())
                .build();
    }

    /**
     * Rule-set updates from the control topic. A fresh job starts at the topic's end (its start-up
     * rules come from --rules); a restored job resumes from its checkpoint.
     */
    private DataStream<String> ruleUpdates(StreamExecutionEnvironment env) {
        KafkaSource<String> control =
                KafkaSource.<String>builder()
                        .setBootstrapServers(opts.bootstrapServers())
                        .setTopics(opts.controlTopic())
                        .setGroupId(opts.groupId() + "-control")
                        .setStartingOffsets(
                                OffsetsInitializer.committedOffsets(OffsetResetStrategy.LATEST))
                        .setProperties(opts.kafkaProperties())
                        .setValueOnlyDeserializer(new SimpleStringSchema())
                        .build();
        WatermarkStrategy<String> quiet =
                WatermarkStrategy.<String>forMonotonousTimestamps().withIdleness(opts.idleness());
        return env.fromSource(control, quiet, "kafka-" + opts.controlTopic())
                .uid("source-rule-updates")
                .setParallelism(1);
    }

    /**
     * Stop-loss requests (JSON lines) from the stop-loss control topic, from its end on a fresh
     * start. Subscribed by pattern with discovery, so a topic created after the job started is
     * picked up within {@link #STOPLOSS_DISCOVERY_MS} instead of failing the job.
     */
    DataStream<String> stopLossRequests(StreamExecutionEnvironment env) {
        KafkaSource<String> control =
                KafkaSource.<String>builder()
                        .setBootstrapServers(opts.bootstrapServers())
                        .setTopicPattern(
                                Pattern.compile(Pattern.quote(opts.stopLossControlTopic())))
                        .setGroupId(opts.groupId() + "-stoploss-control")
                        .setStartingOffsets(
                                OffsetsInitializer.committedOffsets(OffsetResetStrategy.LATEST))
                        .setProperties(opts.kafkaProperties())
                        .setProperty(
                                "partition.discovery.interval.ms",
                                Long.toString(STOPLOSS_DISCOVERY_MS))
                        .setValueOnlyDeserializer(new SimpleStringSchema())
                        .build();
        WatermarkStrategy<String> quiet =
                WatermarkStrategy.<String>forMonotonousTimestamps().withIdleness(opts.idleness());
        return env.fromSource(control, quiet, "kafka-" + opts.stopLossControlTopic())
                .uid("source-stoploss-requests")
                .setParallelism(1);
    }

    private OffsetsInitializer startingOffsets() {
        return switch (opts.startingOffsets()) {
            case "earliest" -> OffsetsInitializer.earliest();
            case "latest" -> OffsetsInitializer.latest();
            default -> OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST);
        };
    }
}
