package dev.recon.benchmarks.e2e.internal;

import dev.recon.job.ReconciliationInputs;
import dev.recon.job.ReconciliationJob;
import dev.recon.model.avro.BillEvent;
import dev.recon.model.avro.PaymentEvent;
import dev.recon.sources.DeadLetterSplitter;
import dev.recon.sources.ReconSource;

import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The engine's Kafka inputs as the job builds them ({@link ReconSource}: Avro, validation, dead
 * letters, watermarks), but bounded: from the earliest offsets to the end of the topics as they are
 * at start-up. No rule-update source (it would never end).
 */
public final class BoundedKafkaInputs implements ReconciliationJob.InputFactory {
    private static final long serialVersionUID = 1L;

    private final String servers;

    /** Reads {@code payments} and {@code bills} from the broker at {@code servers}. */
    public BoundedKafkaInputs(String servers) {
        this.servers = servers;
    }

    @Override
    public ReconciliationInputs create(StreamExecutionEnvironment env) {
        SingleOutputStreamOperator<PaymentEvent> payments =
                source(PaymentEvent.class, "payments").attach(env);
        SingleOutputStreamOperator<BillEvent> bills = source(BillEvent.class, "bills").attach(env);
        return new ReconciliationInputs(
                payments.filter(new MarkFirst<>()).name("mark first payment"),
                bills.filter(new MarkFirst<>()).name("mark first bill"),
                payments.getSideOutput(DeadLetterSplitter.DEAD_LETTERS)
                        .union(bills.getSideOutput(DeadLetterSplitter.DEAD_LETTERS)),
                null);
    }

    private <T extends SpecificRecordBase> ReconSource<T> source(Class<T> type, String topic) {
        return ReconSource.builder(type)
                .setStreamName(topic)
                .setBootstrapServers(servers)
                .setTopics(topic)
                .setGroupId("bench-engine")
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setBounded(OffsetsInitializer.latest())
                .build();
    }
}
