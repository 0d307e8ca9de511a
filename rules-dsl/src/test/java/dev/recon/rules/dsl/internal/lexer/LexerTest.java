package dev.recon.rules.dsl.internal.lexer;

import dev.recon.rules.dsl.Diagnostic;
import dev.recon.rules.dsl.internal.source.Reporter;
import dev.recon.rules.dsl.internal.source.SourceFile;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Tests for {@link Lexer}. */
class LexerTest {
    private final Reporter reporter = new Reporter();

    private List<Token> lex(String text) {
        return Lexer.lex(new SourceFile("t.rules", text), reporter);
    }

    private List<TokenKind> kinds(String text) {
        return lex(text).stream().map(Token::kind).toList();
    }

    private List<String> errors() {
        return reporter.diagnostics().stream().map(Diagnostic::message).toList();
    }

    @Test
    void punctuationAndOperatorsLongestFirst() {
        assertThat(kinds("{ } ( ) [ ] , . : -> == != < <= > >= + - *"))
                .containsExactly(
                        TokenKind.LBRACE,
                        TokenKind.RBRACE,
                        TokenKind.LPAREN,
                        TokenKind.RPAREN,
                        TokenKind.LBRACKET,
                        TokenKind.RBRACKET,
                        TokenKind.COMMA,
                        TokenKind.DOT,
                        TokenKind.COLON,
                        TokenKind.ARROW,
                        TokenKind.EQ,
                        TokenKind.NE,
                        TokenKind.LT,
                        TokenKind.LE,
                        TokenKind.GT,
                        TokenKind.GE,
                        TokenKind.PLUS,
                        TokenKind.MINUS,
                        TokenKind.STAR,
                        TokenKind.EOF);
        assertThat(errors()).isEmpty();
    }

    @Test
    void commentsRunToTheEndOfTheLineAndLineStartsAreMarked() {
        List<Token> tokens = lex("a # one\n  b // two\nc");
        assertThat(tokens).extracting(Token::text).containsExactly("a", "b", "c", "");
        assertThat(tokens).extracting(Token::lineStart).containsExactly(true, true, true, true);
        assertThat(lex("a b").get(1).lineStart()).isFalse();
    }

    @Test
    void numbersKeepTheirUnitSuffixAndUnderscores() {
        List<Token> tokens = lex("5s 250ms 1_000_000 10bps 7");
        assertThat(tokens)
                .extracting(Token::value)
                .containsExactly(5L, 250L, 1_000_000L, 10L, 7L, null);
        assertThat(tokens).extracting(Token::suffix).containsExactly("s", "ms", "", "bps", "", "");
    }

    @Test
    void aNumberTooLargeIsReported() {
        assertThat(lex("9223372036854775808").get(0).value()).isNull();
        assertThat(errors())
                .containsExactly(
                        "number 9223372036854775808 is too large (the largest is 9223372036854775807)");
    }

    @Test
    void stringsDecodeEscapesAndRememberWhereEachCharacterCameFrom() {
        Token t = lex("x \"a\\\"b\\u00e9\\n\"").get(1);
        StringValue v = (StringValue) t.value();
        assertThat(v.value()).isEqualTo("a\"bé\n");
        assertThat(v.offsetOf(0)).isEqualTo(3);
        assertThat(v.offsetOf(1)).isEqualTo(4);
        assertThat(v.offsetOf(2)).isEqualTo(6);
        assertThat(v.offsetOf(3)).isEqualTo(7);
        assertThat(v.offsetOf(5)).as("the closing quote").isEqualTo(15);
    }

    @Test
    void unterminatedStringsAndBadEscapesAreReported() {
        List<Token> tokens = lex("\"abc\nnext \"\\q\"");
        assertThat(tokens)
                .extracting(Token::kind)
                .containsExactly(
                        TokenKind.STRING, TokenKind.IDENT, TokenKind.STRING, TokenKind.EOF);
        assertThat(errors())
                .containsExactly(
                        "unterminated string: a string ends with '\"' on the same line",
                        "unknown escape '\\q' (use \\\" \\\\ \\n \\t \\r or \\u followed by 4 hex digits)");
    }

    @Test
    void slipsFromOtherLanguagesAreReportedAndReadAsMeant() {
        assertThat(lex("a = b && c || !d / e"))
                .extracting(Token::text)
                .containsExactly("a", "=", "b", "and", "c", "or", "not", "d", "/", "e", "");
        assertThat(kinds("a / b").get(1)).isEqualTo(TokenKind.STAR);
        assertThat(errors()).hasSize(6);
    }

    @Test
    void unexpectedCharactersAreSkipped() {
        assertThat(kinds("a @ \u0007 é b"))
                .containsExactly(TokenKind.IDENT, TokenKind.IDENT, TokenKind.EOF);
        assertThat(errors())
                .containsExactly(
                        "unexpected character '@'",
                        "unexpected character U+0007",
                        "unexpected character 'é'");
    }
}
