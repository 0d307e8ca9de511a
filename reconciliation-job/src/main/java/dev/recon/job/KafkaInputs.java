package dev.recon.job;

import dev.recon.model.avro.BillEvent;
import dev.recon.model.avro.DeadLetter;
import dev.recon.model.avro.PaymentEvent;
import dev.recon.sources.DeadLetterSplitter;
import dev.recon.sources.ReconSource;

import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/** Reads payments and bills from Kafka; undecodable records become dead letters. */
final class KafkaInputs implements ReconciliationJob.InputFactory {
    private static final long serialVersionUID = 1L;

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
        return new ReconciliationInputs(payments, bills, dead);
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

    private OffsetsInitializer startingOffsets() {
        return switch (opts.startingOffsets()) {
            case "earliest" -> OffsetsInitializer.earliest();
            case "latest" -> OffsetsInitializer.latest();
            default -> OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST);
        };
    }
}
