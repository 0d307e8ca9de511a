package dev.recon.benchmarks.e2e.internal;

import org.apache.flink.api.common.functions.FilterFunction;

/** Passes every record and marks in {@link Tally} when the first one went through. */
public final class MarkFirst<T> implements FilterFunction<T> {
    private static final long serialVersionUID = 1L;

    private transient boolean marked;

    @Override
    public boolean filter(T value) {
        if (!marked) {
            marked = true;
            Tally.markFirst();
        }
        return true;
    }
}
