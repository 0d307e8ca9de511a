package dev.recon.sources.internal;

import dev.recon.sources.DeadLetterKind;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

import java.util.EnumMap;
import java.util.Map;

/**
 * Counts dead letters per {@link DeadLetterKind} in the source's metric group: {@code
 * recon_stream_reason_deadLetters{stream, reason}}. A no-op until {@link #open} (unit tests).
 */
final class DeadLetterCounters {
    /** Name of the per-reason counter. */
    static final String NAME = "deadLetters";

    private final Map<DeadLetterKind, Counter> counters = new EnumMap<>(DeadLetterKind.class);
    private MetricGroup group;

    /** Registers the counters under {@code group}, labelled with the stream. */
    void open(MetricGroup parent, String stream) {
        group = parent.addGroup("recon").addGroup("stream", stream);
    }

    /** Counts one dead letter of the given kind. */
    void count(DeadLetterKind kind) {
        if (group == null) {
            return;
        }
        counters.computeIfAbsent(kind, k -> group.addGroup("reason", k.label()).counter(NAME))
                .inc();
    }
}
