package dev.recon.rules.dsl.internal.lexer;

import dev.recon.rules.dsl.internal.Limits;
import dev.recon.rules.dsl.internal.source.Reporter;
import dev.recon.rules.dsl.internal.source.SourceFile;
import dev.recon.rules.dsl.internal.source.Span;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a rule file into tokens. Never fails: a bad character is reported and skipped, and a common
 * slip from other languages ({@code =}, {@code &&}, {@code !}, {@code /}) is reported with the
 * right spelling and read as the nearest operator, so parsing goes on. Comments run from {@code #}
 * or {@code //} to the end of the line.
 */
public final class Lexer {
    private final SourceFile file;
    private final String text;
    private final Reporter reporter;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;
    private boolean lineStart = true;

    private Lexer(SourceFile file, Reporter reporter) {
        this.file = file;
        this.text = file.text();
        this.reporter = reporter;
    }

    /** The tokens of a file, ending with {@link TokenKind#EOF}. */
    public static List<Token> lex(SourceFile file, Reporter reporter) {
        Lexer lexer = new Lexer(file, reporter);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        while (skipSpaceAndComments() && !reporter.gaveUp(file)) {
            int start = pos;
            char c = text.charAt(pos);
            if (isWordStart(c)) {
                word(start);
            } else if (c >= '0' && c <= '9') {
                number(start);
            } else if (c == '"') {
                pos = StringLexer.lex(file, start, reporter, this::add);
            } else {
                symbol(start, c);
            }
        }
        tokens.add(new Token(TokenKind.EOF, "", text.length(), text.length(), true, null));
    }

    /** Skips blanks and comments; false at the end of the text. */
    private boolean skipSpaceAndComments() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                lineStart = true;
                pos++;
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\uFEFF' || c == '\uFFFD') {
                pos++; // U+FFFD (undecodable input) was reported before lexing
            } else if (c == '#' || text.startsWith("//", pos)) {
                int nl = text.indexOf('\n', pos);
                pos = nl < 0 ? text.length() : nl;
            } else {
                return true;
            }
        }
        return false;
    }

    private void word(int start) {
        while (pos < text.length() && isWordPart(text.charAt(pos))) {
            pos++;
        }
        if (pos - start <= Limits.MAX_NAME) {
            add(TokenKind.IDENT, start, null);
            return;
        }
        reporter.error(
                new Span(file, start, pos),
                "a name of %d characters; names are limited to %d"
                        .formatted(pos - start, Limits.MAX_NAME));
        String shortened = text.substring(start, start + Limits.MAX_NAME) + "...";
        tokens.add(new Token(TokenKind.IDENT, shortened, start, pos, lineStart, null));
        lineStart = false;
    }

    private void number(int start) {
        while (pos < text.length() && (isDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        int digitsEnd = pos;
        while (pos < text.length() && isWordPart(text.charAt(pos))) {
            pos++;
        }
        String digits = text.substring(start, digitsEnd).replace("_", "");
        Long value = null;
        try {
            value = Long.parseLong(digits);
        } catch (NumberFormatException tooLarge) {
            reporter.error(
                    new Span(file, start, pos),
                    "number " + digits + " is too large (the largest is " + Long.MAX_VALUE + ")");
        }
        add(TokenKind.NUMBER, start, value);
    }

    private void symbol(int start, char c) {
        Symbols.Match m = Symbols.match(text, start);
        pos = start + Math.max(1, m.length());
        if (m.message() != null) {
            reporter.error(new Span(file, start, pos), m.message());
        }
        if (m.kind() != null) {
            add(m.kind(), start, null);
        } else if (m.word() != null) {
            tokens.add(new Token(TokenKind.IDENT, m.word(), start, pos, lineStart, null));
            lineStart = false;
        } else if (m.message() == null) {
            int cp = text.codePointAt(start);
            pos = start + Character.charCount(cp);
            reporter.error(new Span(file, start, pos), "unexpected character " + Symbols.show(cp));
        }
    }

    private void add(TokenKind kind, int start, Object value) {
        tokens.add(new Token(kind, text.substring(start, pos), start, pos, lineStart, value));
        lineStart = false;
    }

    private void add(Token stringToken) {
        tokens.add(
                new Token(
                        stringToken.kind(),
                        stringToken.text(),
                        stringToken.start(),
                        stringToken.end(),
                        lineStart,
                        stringToken.value()));
        lineStart = false;
    }

    private static boolean isWordStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isWordPart(char c) {
        return isWordStart(c) || isDigit(c);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
