package dev.recon.rules.dsl.internal.lexer;

import dev.recon.rules.dsl.internal.Limits;
import dev.recon.rules.dsl.internal.source.Reporter;
import dev.recon.rules.dsl.internal.source.SourceFile;
import dev.recon.rules.dsl.internal.source.Span;

import java.util.function.Consumer;

/**
 * Reads a double-quoted string: escapes {@code \" \\ \n \t \r} and a backslash-u with four hex
 * digits. A string ends on its line; an unterminated one is reported and taken to the line end.
 */
final class StringLexer {
    private StringLexer() {}

    /** Emits the STRING token starting at {@code start} and returns the offset after it. */
    static int lex(SourceFile file, int start, Reporter reporter, Consumer<Token> out) {
        String text = file.text();
        StringBuilder value = new StringBuilder();
        int[] offsets = new int[16];
        int pos = start + 1;
        while (pos < text.length() && text.charAt(pos) != '"' && text.charAt(pos) != '\n') {
            offsets = grow(offsets, value.length() + 2);
            offsets[value.length()] = pos;
            pos =
                    text.charAt(pos) == '\\'
                            ? escape(file, pos, value, reporter)
                            : append(text, pos, value);
        }
        offsets = grow(offsets, value.length() + 1);
        offsets[value.length()] = pos;
        int end = pos;
        if (pos < text.length() && text.charAt(pos) == '"') {
            end = pos + 1;
        } else {
            reporter.error(
                    new Span(file, start, start + 1),
                    "unterminated string: a string ends with '\"' on the same line");
        }
        if (value.length() > Limits.MAX_STRING) {
            reporter.error(
                    new Span(file, start, start + 1),
                    "a string of %d characters; strings are limited to %d"
                            .formatted(value.length(), Limits.MAX_STRING));
            value.setLength(Limits.MAX_STRING);
        }
        int[] exact = java.util.Arrays.copyOf(offsets, value.length() + 1);
        out.accept(
                new Token(
                        TokenKind.STRING,
                        text.substring(start, end),
                        start,
                        end,
                        false,
                        new StringValue(value.toString(), exact)));
        return end;
    }

    private static int append(String text, int pos, StringBuilder value) {
        value.append(text.charAt(pos));
        return pos + 1;
    }

    private static int escape(SourceFile file, int pos, StringBuilder value, Reporter reporter) {
        String text = file.text();
        char e = pos + 1 < text.length() ? text.charAt(pos + 1) : '\n';
        switch (e) {
            case '"', '\\' -> value.append(e);
            case 'n' -> value.append('\n');
            case 't' -> value.append('\t');
            case 'r' -> value.append('\r');
            case 'u' -> {
                return unicode(file, pos, value, reporter);
            }
            default -> {
                reporter.error(
                        new Span(file, pos, pos + 2),
                        "unknown escape '\\"
                                + (e == '\n' ? "" : e)
                                + "' (use \\\" \\\\ \\n \\t \\r or \\u followed by 4 hex digits)");
                return e == '\n' ? pos + 1 : pos + 2;
            }
        }
        return pos + 2;
    }

    private static int unicode(SourceFile file, int pos, StringBuilder value, Reporter reporter) {
        String text = file.text();
        int end = pos + 6;
        String hex = end <= text.length() ? text.substring(pos + 2, end) : "";
        if (!hex.matches("[0-9a-fA-F]{4}")) {
            reporter.error(new Span(file, pos, pos + 2), "'\\u' must be followed by 4 hex digits");
            return pos + 2;
        }
        value.append((char) Integer.parseInt(hex, 16));
        return end;
    }

    private static int[] grow(int[] a, int size) {
        return size <= a.length ? a : java.util.Arrays.copyOf(a, Math.max(size, a.length * 2));
    }
}
