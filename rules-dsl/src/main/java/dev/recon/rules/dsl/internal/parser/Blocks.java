package dev.recon.rules.dsl.internal.parser;

import dev.recon.rules.dsl.internal.ast.DurationLit;
import dev.recon.rules.dsl.internal.ast.Ident;
import dev.recon.rules.dsl.internal.lexer.Token;
import dev.recon.rules.dsl.internal.lexer.TokenKind;
import dev.recon.rules.dsl.internal.source.Span;
import dev.recon.rules.dsl.internal.source.Suggestions;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** What every block parser shares: the clause loop with recovery, durations and rule ids. */
final class Blocks {
    private static final Map<String, ChronoUnit> UNITS =
            Map.of(
                    "ms",
                    ChronoUnit.MILLIS,
                    "s",
                    ChronoUnit.SECONDS,
                    "m",
                    ChronoUnit.MINUTES,
                    "h",
                    ChronoUnit.HOURS);

    private final TokenCursor c;

    Blocks(TokenCursor cursor) {
        this.c = cursor;
    }

    /** Parses one clause whose keyword has been consumed. */
    interface ClauseParser {
        void parse(Token keyword);
    }

    /**
     * Parses {@code { clause* }}. An unknown clause is reported with a suggestion; after a syntax
     * error the loop skips to the next clause. A word of {@code closers} at the start of a line
     * (the next rule, the next declaration) means the '}' was forgotten: reported, and the block
     * ends there.
     */
    void block(
            Clauses clauses,
            String owner,
            Set<String> words,
            Set<String> closers,
            ClauseParser each) {
        Span open = c.span(c.expect(TokenKind.LBRACE, "'{' to start " + owner));
        while (!c.at(TokenKind.RBRACE)) {
            if (c.atEnd() || c.atLineStartWord(closers)) {
                clauses.broken = true;
                throw c.fail(
                        c.peek(),
                        "expected '}' to close %s opened at %s, found %s"
                                .formatted(owner, open.where(), c.peek().describe()));
            }
            int before = c.mark();
            try {
                clause(owner, words, each);
            } catch (ParseAbort e) {
                clauses.broken = true;
                c.sync(words, closers);
                if (c.mark() == before) {
                    c.advance();
                }
            }
        }
        c.advance();
    }

    private void clause(String owner, Set<String> words, ClauseParser each) {
        Token t = c.peek();
        if (t.kind() != TokenKind.IDENT || !words.contains(t.text())) {
            String hint =
                    t.kind() == TokenKind.IDENT ? Suggestions.didYouMean(t.text(), words) : "";
            String home = t.kind() == TokenKind.IDENT ? Keywords.home(t.text()) : null;
            if (hint.isEmpty() && home != null) {
                hint = ": '" + t.text() + "' belongs in " + home;
            } else if (hint.isEmpty()) {
                hint = "; expected one of: " + String.join(", ", new TreeSet<>(words));
            }
            throw c.fail(t, "unknown clause " + t.describe() + " in " + owner + hint);
        }
        each.parse(c.advance());
    }

    /** A duration: digits with a unit of ms, s, m or h, e.g. {@code 5s}. */
    DurationLit duration(String what) {
        Token n = c.expect(TokenKind.NUMBER, what + " (a duration such as 5s, 500ms, 10m or 1h)");
        ChronoUnit unit = UNITS.get(n.suffix());
        if (unit == null) {
            throw c.fail(
                    n,
                    n.suffix().isEmpty()
                            ? "the duration %s needs a unit: ms, s, m or h (as in %ss)"
                                    .formatted(n.text(), n.text())
                            : "unknown unit '%s' in the duration %s: use ms, s, m or h"
                                    .formatted(n.suffix(), n.text()));
        }
        try {
            Duration d = Duration.of(n.value() == null ? 0 : (Long) n.value(), unit);
            d.toMillis();
            if (d.isZero()) {
                throw c.fail(n, "a duration must be positive, found " + n.text());
            }
            return new DurationLit(d, c.span(n));
        } catch (ArithmeticException tooLong) {
            throw c.fail(n, "the duration " + n.text() + " is too long");
        }
    }

    /**
     * A rule id or reconciliation name: words and numbers joined by '-' with no spaces, e.g. {@code
     * amount-match}; whether it is well-formed is checked later.
     */
    Ident ruleId(String what) {
        Token first = c.expect(TokenKind.IDENT, what);
        StringBuilder text = new StringBuilder(first.text());
        Token last = first;
        while (c.at(TokenKind.MINUS)
                && c.peek().start() == last.end()
                && c.peek(1).start() == c.peek().end()
                && (c.peek(1).kind() == TokenKind.IDENT || c.peek(1).kind() == TokenKind.NUMBER)) {
            c.advance();
            last = c.advance();
            text.append('-').append(last.text());
        }
        return new Ident(text.toString(), c.span(first).to(c.span(last)));
    }
}
