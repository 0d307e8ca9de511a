package dev.recon.rules.dsl.internal.ast;

import dev.recon.rules.dsl.internal.source.Span;

/** A name as written (a stream, field, keyword argument or rule id) and where. */
public record Ident(String text, Span span) {}
