package dev.recon.rules.dsl.internal.source;

/** A range of characters {@code [start, end)} in a rule file. */
public record Span(SourceFile file, int start, int end) {

    /** From the start of this span to the end of another in the same file. */
    public Span to(Span other) {
        return new Span(file, start, Math.max(end, other.end));
    }

    /** {@code file:line:col} of the start, for "first declared at" notes. */
    public String where() {
        return file.name() + ":" + file.line(start) + ":" + file.column(start);
    }
}
