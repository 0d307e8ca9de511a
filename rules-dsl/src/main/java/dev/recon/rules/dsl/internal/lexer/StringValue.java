package dev.recon.rules.dsl.internal.lexer;

/**
 * A decoded string literal with, for each character of the value, the offset in the file of the
 * source character it came from (and one more entry: the closing quote), so that a diagnostic about
 * a part of a string points at the right column despite escapes.
 */
public record StringValue(String value, int[] offsets) {

    /** Offset in the file of value character {@code i}. */
    public int offsetOf(int i) {
        return offsets[Math.min(Math.max(i, 0), offsets.length - 1)];
    }
}
