package dev.recon.loadgen;

import dev.recon.loadgen.internal.Generation;
import dev.recon.loadgen.internal.GenerationSettings;
import dev.recon.loadgen.internal.KafkaClients;
import dev.recon.loadgen.internal.KafkaRecordSink;

/**
 * Writes payments and bills (raw Avro, key = payment id) to Kafka with seeded fault injection, and
 * returns the {@link GroundTruth}: which alerts the engine must raise.
 *
 * <pre>{@code
 * GroundTruth truth = LoadGenerator.builder()
 *         .setBootstrapServers("127.0.0.1:9092")
 *         .setEvents(200_000)
 *         .setFaultFraction(0.001)
 *         .setGroundTruthFile(Path.of("ground-truth.jsonl"))
 *         .build()
 *         .run();
 * }</pre>
 */
public final class LoadGenerator {
    private final GenerationSettings settings;

    LoadGenerator(GenerationSettings settings) {
        this.settings = settings;
    }

    /** A builder; only the bootstrap servers have no default. */
    public static LoadGeneratorBuilder builder() {
        return new LoadGeneratorBuilder();
    }

    /** The id of this run; every payment id starts with {@code p-<runId>-}. */
    public String runId() {
        return settings.runId();
    }

    /**
     * Checks that Kafka answers (within about 10 s), writes every record, waits until all are
     * acknowledged, writes the ground truth file when one was set, and returns the ground truth.
     *
     * @throws LoadGenException if Kafka is unreachable, a send fails or the file cannot be written
     */
    public GroundTruth run() {
        KafkaClients.checkReachable(settings.bootstrapServers());
        GroundTruth truth;
        try (KafkaRecordSink sink =
                new KafkaRecordSink(
                        settings.bootstrapServers(),
                        settings.paymentTopic(),
                        settings.billTopic())) {
            truth = new Generation(settings, sink).run();
        }
        if (settings.groundTruthFile() != null) {
            truth.write(settings.groundTruthFile());
        }
        return truth;
    }
}
