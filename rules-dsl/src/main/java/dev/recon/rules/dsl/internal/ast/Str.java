package dev.recon.rules.dsl.internal.ast;

import dev.recon.rules.dsl.internal.lexer.StringValue;
import dev.recon.rules.dsl.internal.source.Span;

/** A string literal: its decoded value, its span, and where each value character came from. */
public record Str(String value, Span span, StringValue source) {

    /** The span of value characters {@code [from, to)}, e.g. a message placeholder. */
    public Span part(int from, int to) {
        return new Span(span.file(), source.offsetOf(from), source.offsetOf(to));
    }
}
