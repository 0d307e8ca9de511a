package dev.recon.rules.dsl.internal.ast;

import dev.recon.rules.dsl.internal.source.Span;

import java.time.Duration;

/** A duration such as {@code 5s}, {@code 250ms}, {@code 10m} or {@code 1h}. */
public record DurationLit(Duration duration, Span span) {

    /** The duration in the shortest exact form: {@code 5s}, {@code 1500ms}, {@code 10m}. */
    public static String show(Duration d) {
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0) {
            return ms / 3_600_000 + "h";
        } else if (ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        } else if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return ms + "ms";
    }
}
