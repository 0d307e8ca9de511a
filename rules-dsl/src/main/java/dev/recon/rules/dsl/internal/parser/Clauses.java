package dev.recon.rules.dsl.internal.parser;

import dev.recon.rules.dsl.internal.ast.Expr;
import dev.recon.rules.dsl.internal.ast.Ident;
import dev.recon.rules.dsl.internal.ast.Str;
import dev.recon.rules.dsl.internal.lexer.Token;
import dev.recon.rules.dsl.internal.source.Span;

import java.util.HashMap;
import java.util.Map;

/**
 * The clauses of one block as they are parsed: each at most once, and which required ones are
 * missing at the end. A block with a syntax error does not report missing clauses, since the clause
 * may be the one that failed to parse.
 */
final class Clauses {
    private final TokenCursor c;
    private final String owner;
    private final Map<String, Object> values = new HashMap<>();
    private final Map<String, Span> where = new HashMap<>();
    boolean broken;

    /** Clauses of the block described as {@code owner}, e.g. {@code rule 'amount-match'}. */
    Clauses(TokenCursor cursor, String owner) {
        this.c = cursor;
        this.owner = owner;
    }

    /** Records a clause's value; a second one is reported and ignored. */
    void set(Token keyword, Object value) {
        Span span = c.span(keyword);
        Span first = where.putIfAbsent(keyword.text(), span);
        if (first != null) {
            c.reporter.error(
                    span,
                    "'"
                            + keyword.text()
                            + "' is given twice in "
                            + owner
                            + " (first at "
                            + first.where()
                            + ")");
            return;
        }
        values.put(keyword.text(), value);
    }

    /** Reports a required clause that is missing, at {@code at}, unless the block is broken. */
    void require(String clause, String meaning, Span at) {
        if (!broken && !values.containsKey(clause)) {
            c.reporter.error(at, owner + " has no '" + clause + "' (" + meaning + ")");
        }
    }

    Ident ident(String clause) {
        return (Ident) values.get(clause);
    }

    Str str(String clause) {
        return (Str) values.get(clause);
    }

    Expr expr(String clause) {
        return (Expr) values.get(clause);
    }

    Object get(String clause) {
        return values.get(clause);
    }
}
