package dev.recon.rules.dsl.internal.lexer;

/**
 * Punctuation and operators, longest match first, and the slips from other languages that are
 * reported with the right spelling ({@code =} for {@code ==}, {@code &&} for {@code and}, ...).
 */
final class Symbols {
    private Symbols() {}

    /**
     * What was found at a position: a token kind, or a word to read instead, or nothing; with an
     * optional error message.
     */
    record Match(TokenKind kind, String word, int length, String message) {}

    static Match match(String text, int at) {
        String two = text.substring(at, Math.min(text.length(), at + 2));
        switch (two) {
            case "->" -> {
                return new Match(TokenKind.ARROW, null, 2, null);
            }
            case "==" -> {
                return new Match(TokenKind.EQ, null, 2, null);
            }
            case "!=" -> {
                return new Match(TokenKind.NE, null, 2, null);
            }
            case "<=" -> {
                return new Match(TokenKind.LE, null, 2, null);
            }
            case ">=" -> {
                return new Match(TokenKind.GE, null, 2, null);
            }
            case "&&" -> {
                return new Match(null, "and", 2, "use 'and' instead of '&&'");
            }
            case "||" -> {
                return new Match(null, "or", 2, "use 'or' instead of '||'");
            }
            default -> {}
        }
        return single(text.charAt(at));
    }

    private static Match single(char c) {
        return switch (c) {
            case '{' -> kind(TokenKind.LBRACE);
            case '}' -> kind(TokenKind.RBRACE);
            case '(' -> kind(TokenKind.LPAREN);
            case ')' -> kind(TokenKind.RPAREN);
            case '[' -> kind(TokenKind.LBRACKET);
            case ']' -> kind(TokenKind.RBRACKET);
            case ',' -> kind(TokenKind.COMMA);
            case '.' -> kind(TokenKind.DOT);
            case ':' -> kind(TokenKind.COLON);
            case '<' -> kind(TokenKind.LT);
            case '>' -> kind(TokenKind.GT);
            case '+' -> kind(TokenKind.PLUS);
            case '-' -> kind(TokenKind.MINUS);
            case '*' -> kind(TokenKind.STAR);
            case '=' ->
                    new Match(
                            TokenKind.EQ, null, 1, "use '==' to compare ('=' is not an operator)");
            case '!' -> new Match(null, "not", 1, "use 'not' instead of '!'");
            case '/', '%' ->
                    new Match(
                            TokenKind.STAR,
                            null,
                            1,
                            "'"
                                    + c
                                    + "' is not supported:"
                                    + " amounts are exact integers; for a relative tolerance write 'within N bps of'");
            default -> new Match(null, null, 0, null);
        };
    }

    private static Match kind(TokenKind kind) {
        return new Match(kind, null, 1, null);
    }

    /** A character for a message: {@code 'é'}, or {@code U+0007} when it is not printable. */
    static String show(int cp) {
        if (Character.isISOControl(cp) || Character.isWhitespace(cp) || !Character.isDefined(cp)) {
            return String.format("U+%04X", cp);
        }
        return "'" + new String(Character.toChars(cp)) + "'";
    }
}
