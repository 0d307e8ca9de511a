package dev.recon.rules.dsl.internal.parser;

import dev.recon.rules.dsl.internal.ast.Expr;
import dev.recon.rules.dsl.internal.ast.Expr.Call;
import dev.recon.rules.dsl.internal.ast.Expr.Entry;
import dev.recon.rules.dsl.internal.ast.Expr.ListLit;
import dev.recon.rules.dsl.internal.ast.Expr.MapLit;
import dev.recon.rules.dsl.internal.ast.Ident;
import dev.recon.rules.dsl.internal.lexer.TokenKind;
import dev.recon.rules.dsl.internal.source.Span;

import java.util.ArrayList;
import java.util.List;

/**
 * The comma-separated constructs: calls {@code f(a, b)}, lists {@code [a, b]} and maps {@code {"K":
 * [..], ...}}; a trailing comma is allowed in lists and maps.
 */
final class Compounds {
    private final ExprParser p;
    private final TokenCursor c;

    Compounds(ExprParser parser) {
        this.p = parser;
        this.c = parser.c;
    }

    /** {@code name(args)}, the name consumed and '(' next. */
    Expr call(Ident function) {
        c.advance();
        List<Expr> args = new ArrayList<>();
        Span close =
                items(
                        TokenKind.RPAREN,
                        "')' in the arguments of " + function.text() + "(...)",
                        () -> args.add(p.parse(0)));
        Span span = function.span().to(close);
        return p.node(new Call(function, List.copyOf(args), span), args.toArray(Expr[]::new));
    }

    /** {@code [a, b]}, '[' next. */
    Expr list() {
        Span open = c.span(c.advance());
        List<Expr> items = new ArrayList<>();
        Span close =
                items(
                        TokenKind.RBRACKET,
                        "']' in the list opened at " + open.where(),
                        () -> items.add(p.parse(0)));
        return p.node(new ListLit(List.copyOf(items), open.to(close)), items.toArray(Expr[]::new));
    }

    /** {@code { key: value, ... }}, '{' next. */
    Expr map() {
        Span open = c.span(c.expect(TokenKind.LBRACE, "'{' to start the map"));
        List<Entry> entries = new ArrayList<>();
        List<Expr> children = new ArrayList<>();
        Span close =
                items(
                        TokenKind.RBRACE,
                        "'}' in the map opened at " + open.where(),
                        () -> {
                            Expr key = p.parse(0);
                            c.expect(
                                    TokenKind.COLON,
                                    "':' after a map key (as in \"SUCCEEDED\": [\"BILLED\"])");
                            Expr value = p.parse(0);
                            entries.add(new Entry(key, value));
                            children.add(key);
                            children.add(value);
                        });
        return p.node(
                new MapLit(List.copyOf(entries), open.to(close)), children.toArray(Expr[]::new));
    }

    /** Items separated by ',' up to {@code close}; returns the span of the closing token. */
    private Span items(TokenKind close, String what, Runnable item) {
        while (!c.at(close)) {
            item.run();
            if (!c.match(TokenKind.COMMA)) {
                break;
            }
        }
        return c.span(c.expect(close, "',' or " + what));
    }
}
