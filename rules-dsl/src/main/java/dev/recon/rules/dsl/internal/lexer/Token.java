package dev.recon.rules.dsl.internal.lexer;

import dev.recon.rules.dsl.internal.source.SourceFile;
import dev.recon.rules.dsl.internal.source.Span;

/**
 * A token: its kind, its text as written, its range, whether it starts a line, and its value: the
 * decoded {@link StringValue} of a string, the {@code Long} of a number (null when too large).
 */
public record Token(
        TokenKind kind, String text, int start, int end, boolean lineStart, Object value) {

    /** True for a word with exactly this text. */
    public boolean is(String word) {
        return kind == TokenKind.IDENT && text.equals(word);
    }

    /** The range of this token in a file. */
    public Span span(SourceFile file) {
        return new Span(file, start, end);
    }

    /** The letters after the digits of a number ({@code s} in {@code 5s}), else "". */
    public String suffix() {
        int i = 0;
        while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '_')) {
            i++;
        }
        return text.substring(i);
    }

    /** How the token is named in "found ..." messages. */
    public String describe() {
        return switch (kind) {
            case EOF -> "the end of the file";
            case STRING -> "a string";
            default -> "'" + text + "'";
        };
    }
}
