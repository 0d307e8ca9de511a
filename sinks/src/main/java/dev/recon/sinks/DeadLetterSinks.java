package dev.recon.sinks;

import dev.recon.model.avro.DeadLetter;
import dev.recon.sinks.internal.DeadLetterRecordSerializer;

/** Sinks of {@link DeadLetter}s. */
public final class DeadLetterSinks {
    private DeadLetterSinks() {}

    /**
     * A Kafka sink writing each dead letter as {@link DeadLetterJson} keyed by {@code
     * topic/partition/offset}:
     *
     * <pre>{@code
     * deadLetters.sinkTo(DeadLetterSinks.kafka().setBootstrapServers(servers)
     *         .setTopic("recon-dead-letters").build());
     * }</pre>
     */
    public static KafkaJsonSinkBuilder<DeadLetter> kafka() {
        return new KafkaJsonSinkBuilder<>(DeadLetterRecordSerializer::new);
    }
}
