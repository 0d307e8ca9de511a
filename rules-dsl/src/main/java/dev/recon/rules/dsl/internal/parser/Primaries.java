package dev.recon.rules.dsl.internal.parser;

import dev.recon.rules.dsl.internal.ast.Expr;
import dev.recon.rules.dsl.internal.ast.Expr.BoolLit;
import dev.recon.rules.dsl.internal.ast.Expr.FieldRef;
import dev.recon.rules.dsl.internal.ast.Expr.Index;
import dev.recon.rules.dsl.internal.ast.Expr.IntLit;
import dev.recon.rules.dsl.internal.ast.Expr.Name;
import dev.recon.rules.dsl.internal.ast.Expr.StrLit;
import dev.recon.rules.dsl.internal.ast.Expr.Unary;
import dev.recon.rules.dsl.internal.ast.Expr.UnaryOp;
import dev.recon.rules.dsl.internal.ast.Ident;
import dev.recon.rules.dsl.internal.ast.Str;
import dev.recon.rules.dsl.internal.lexer.Token;
import dev.recon.rules.dsl.internal.lexer.TokenKind;
import dev.recon.rules.dsl.internal.source.Span;

/** The operands of expressions: literals, names, fields, parentheses, and postfix '['. */
final class Primaries {
    private final ExprParser p;
    private final TokenCursor c;
    private final Compounds compounds;

    Primaries(ExprParser parser) {
        this.p = parser;
        this.c = parser.c;
        this.compounds = new Compounds(parser);
    }

    /** A prefix expression followed by any {@code [key]} lookups. */
    Expr prefix() {
        Expr e = operand();
        while (c.at(TokenKind.LBRACKET)) {
            Span open = c.span(c.advance());
            Expr key = p.parse(0);
            Span close =
                    c.span(c.expect(TokenKind.RBRACKET, "']' to close the '[' at " + open.where()));
            e = p.node(new Index(e, key, open, e.span().to(close)), e, key);
        }
        return e;
    }

    private Expr operand() {
        Token t = c.peek();
        return switch (t.kind()) {
            case NUMBER -> number(c.advance(), false, c.span(t));
            case STRING -> {
                Str s = c.string("a string");
                yield new StrLit(s, s.span());
            }
            case MINUS -> minus();
            case LPAREN -> parenthesized();
            case LBRACKET -> compounds.list();
            case LBRACE -> compounds.map();
            case IDENT -> word(t);
            default -> throw c.fail(t, "expected an expression, found " + t.describe());
        };
    }

    private Expr minus() {
        Span op = c.span(c.advance());
        if (c.at(TokenKind.NUMBER)) {
            return number(c.advance(), true, op);
        }
        Expr operand = p.parse(ExprParser.UNARY);
        return p.node(new Unary(UnaryOp.NEG, operand, op, op.to(operand.span())), operand);
    }

    private Expr number(Token n, boolean negative, Span start) {
        if (!n.suffix().isEmpty()) {
            throw c.fail(
                    n,
                    "unexpected '"
                            + n.suffix()
                            + "' after the number "
                            + n.text().substring(0, n.text().length() - n.suffix().length())
                            + " (units belong to durations and 'within N bps')");
        }
        long v = n.value() == null ? 0 : (Long) n.value();
        return new IntLit(negative ? -v : v, start.to(c.span(n)));
    }

    private Expr parenthesized() {
        Span open = c.span(c.advance());
        Expr inner = p.parse(0);
        c.expect(TokenKind.RPAREN, "')' to close the '(' at " + open.where());
        return inner;
    }

    private Expr word(Token t) {
        switch (t.text()) {
            case "true", "false" -> {
                c.advance();
                return new BoolLit(t.is("true"), c.span(t));
            }
            case "not" -> {
                Span op = c.span(c.advance());
                Expr operand = p.parse(ExprParser.NOT);
                return p.node(new Unary(UnaryOp.NOT, operand, op, op.to(operand.span())), operand);
            }
            case "null" ->
                    throw c.fail(
                            t,
                            "there is no null value to compare with:"
                                    + " write 'x is null' or 'x is not null'");
            default -> {
                boolean keyword =
                        Keywords.EXPRESSION.contains(t.text()) || Keywords.RULE.contains(t.text());
                if (keyword && c.peek(1).kind() != TokenKind.DOT) {
                    throw c.fail(t, "expected an expression, found " + t.describe());
                }
                return name(c.ident("a name"));
            }
        }
    }

    private Expr name(Ident name) {
        if (c.at(TokenKind.LPAREN)) {
            return compounds.call(name);
        }
        if (!c.match(TokenKind.DOT)) {
            return new Name(name, name.span());
        }
        Ident field = c.ident("a field name after '" + name.text() + ".'");
        if (c.at(TokenKind.DOT)) {
            throw c.fail(c.peek(), "nested fields (a.b.c) are not supported yet");
        }
        return new FieldRef(name, field, name.span().to(field.span()));
    }
}
