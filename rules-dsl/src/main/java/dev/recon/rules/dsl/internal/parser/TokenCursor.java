package dev.recon.rules.dsl.internal.parser;

import dev.recon.rules.dsl.internal.ast.Ident;
import dev.recon.rules.dsl.internal.ast.Str;
import dev.recon.rules.dsl.internal.lexer.StringValue;
import dev.recon.rules.dsl.internal.lexer.Token;
import dev.recon.rules.dsl.internal.lexer.TokenKind;
import dev.recon.rules.dsl.internal.source.Reporter;
import dev.recon.rules.dsl.internal.source.SourceFile;
import dev.recon.rules.dsl.internal.source.Span;

import java.util.List;
import java.util.Set;

/** The parser's view of the tokens: look ahead, consume, expect with a message, and resync. */
final class TokenCursor {
    final SourceFile file;
    final Reporter reporter;
    private final List<Token> tokens;
    private int pos;

    TokenCursor(SourceFile file, List<Token> tokens, Reporter reporter) {
        this.file = file;
        this.tokens = tokens;
        this.reporter = reporter;
    }

    Token peek() {
        return tokens.get(pos);
    }

    Token peek(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    /** Position of the next token, to tell whether a parse step consumed anything. */
    int mark() {
        return pos;
    }

    Token previous() {
        return tokens.get(Math.max(pos - 1, 0));
    }

    Token advance() {
        Token t = tokens.get(pos);
        if (t.kind() != TokenKind.EOF) {
            pos++;
        }
        return t;
    }

    boolean at(TokenKind kind) {
        return peek().kind() == kind;
    }

    boolean atWord(String word) {
        return peek().is(word);
    }

    boolean atEnd() {
        return at(TokenKind.EOF) || reporter.gaveUp(file);
    }

    /** Consumes a token of this kind if it is next. */
    boolean match(TokenKind kind) {
        if (at(kind)) {
            advance();
            return true;
        }
        return false;
    }

    /** Consumes this word if it is next. */
    boolean matchWord(String word) {
        if (atWord(word)) {
            advance();
            return true;
        }
        return false;
    }

    /** Consumes a token of this kind, or reports "expected {what}, found ..." and aborts. */
    Token expect(TokenKind kind, String what) {
        if (!at(kind)) {
            throw fail(peek(), "expected " + what + ", found " + peek().describe());
        }
        return advance();
    }

    /** Consumes a name, or reports "expected {what}, found ..." and aborts. */
    Ident ident(String what) {
        Token t = expect(TokenKind.IDENT, what);
        return new Ident(t.text(), span(t));
    }

    /** Consumes a string, or reports "expected {what}, found ..." and aborts. */
    Str string(String what) {
        Token t = expect(TokenKind.STRING, what);
        StringValue v = (StringValue) t.value();
        return new Str(v.value(), span(t), v);
    }

    Span span(Token t) {
        return t.span(file);
    }

    /** Reports an error at a token and returns the abort to throw. */
    ParseAbort fail(Token at, String message) {
        return fail(span(at), message);
    }

    /** Reports an error at a span and returns the abort to throw. */
    ParseAbort fail(Span at, String message) {
        reporter.error(at, message);
        return ParseAbort.INSTANCE;
    }

    /**
     * Skips ahead to a place where parsing can resume: a word of {@code resume} that is not a field
     * name (not after '.'), or the '}' closing the current block, or a word of {@code closers} that
     * starts a line (a keyword of an enclosing block). Nested blocks are skipped.
     */
    void sync(Set<String> resume, Set<String> closers) {
        int depth = 0;
        while (!atEnd()) {
            Token t = peek();
            boolean word = t.kind() == TokenKind.IDENT && previous().kind() != TokenKind.DOT;
            if (depth == 0 && word && resume.contains(t.text())) {
                return;
            }
            if (word && t.lineStart() && closers.contains(t.text())) {
                return;
            }
            if (t.kind() == TokenKind.RBRACE && depth-- == 0) {
                return;
            }
            depth += t.kind() == TokenKind.LBRACE ? 1 : 0;
            advance();
        }
    }

    /** True when the next token is one of these words at the start of a line. */
    boolean atLineStartWord(Set<String> words) {
        Token t = peek();
        return t.kind() == TokenKind.IDENT && t.lineStart() && words.contains(t.text());
    }
}
