package dev.recon.benchmarks.e2e.internal;

import dev.recon.job.JobOptions;
import dev.recon.kafka.KafkaBroker;
import dev.recon.loadgen.GroundTruth;
import dev.recon.loadgen.LoadGenerator;

import java.time.Duration;

/** A real Kafka broker (separate JVM) with the job's topics, and the load generator against it. */
public final class BenchBroker implements AutoCloseable {
    /** The topics the Kafka-wired job reads and writes. */
    static final String[] TOPICS = JobOptions.defaultTopics();

    private final KafkaBroker broker;

    private BenchBroker(KafkaBroker broker) {
        this.broker = broker;
    }

    /** Starts a broker with 2 partitions per topic. */
    public static BenchBroker start() throws Exception {
        KafkaBroker b = KafkaBroker.builder().setHeap("768m").build().start();
        b.createTopics(2, TOPICS);
        return new BenchBroker(b);
    }

    /** {@code host:port} of the broker. */
    public String servers() {
        return broker.bootstrapServers();
    }

    /**
     * Sends {@code payments} payments with their bills at {@code paymentsPerSecond} (0: as fast as
     * possible), {@code faultFraction} per fault class, and returns the ground truth.
     */
    public GroundTruth send(
            long payments, long paymentsPerSecond, double faultFraction, String runId) {
        return LoadGenerator.builder()
                .setBootstrapServers(servers())
                .setEvents(payments)
                .setRatePerSecond(paymentsPerSecond)
                .setFaultFraction(faultFraction)
                .setDeadline(Duration.ofSeconds(5))
                .setRunId(runId)
                .build()
                .run();
    }

    /** The broker process's own log file. */
    public java.nio.file.Path logFile() {
        return broker.logFile();
    }

    @Override
    public void close() {
        broker.close();
    }
}
