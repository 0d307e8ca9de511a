package dev.recon.rules.dsl.internal.parser;

import dev.recon.rules.dsl.internal.ast.Expr;
import dev.recon.rules.dsl.internal.ast.Expr.In;
import dev.recon.rules.dsl.internal.ast.Expr.IsNull;
import dev.recon.rules.dsl.internal.ast.Expr.Unary;
import dev.recon.rules.dsl.internal.ast.Expr.UnaryOp;
import dev.recon.rules.dsl.internal.ast.Expr.Within;
import dev.recon.rules.dsl.internal.lexer.Token;
import dev.recon.rules.dsl.internal.lexer.TokenKind;
import dev.recon.rules.dsl.internal.source.Span;

/**
 * The comparison-level operators spelled as words: {@code in}, {@code not in}, {@code within N
 * [bps] of} and {@code is [not] null}.
 */
final class WordOperators {
    private final ExprParser p;
    private final TokenCursor c;

    WordOperators(ExprParser parser) {
        this.p = parser;
        this.c = parser.c;
    }

    /** The operator {@code op} (consumed) applied to {@code left}. */
    Expr infix(Expr left, Token op, Span opSpan) {
        return switch (op.text()) {
            case "in" -> in(left, opSpan);
            case "not" -> notIn(left, opSpan);
            case "within" -> within(left, opSpan);
            default -> isNull(left, opSpan);
        };
    }

    private Expr in(Expr left, Span opSpan) {
        Expr set = p.parse(ExprParser.UNARY);
        return p.node(new In(left, set, opSpan, left.span().to(set.span())), left, set);
    }

    private Expr notIn(Expr left, Span opSpan) {
        c.advance(); // 'in', checked by the caller's look-ahead
        Expr in = in(left, opSpan);
        return p.node(new Unary(UnaryOp.NOT, in, opSpan, in.span()), in);
    }

    private Expr within(Expr actual, Span opSpan) {
        Token n = c.expect(TokenKind.NUMBER, "a tolerance after 'within' (as in 'within 0 of x')");
        boolean bps = n.suffix().equals("bps") || (n.suffix().isEmpty() && c.matchWord("bps"));
        if (!n.suffix().isEmpty() && !bps) {
            throw c.fail(
                    n,
                    "unknown unit '"
                            + n.suffix()
                            + "' of a tolerance: write 'within 10"
                            + " of x' (minor units) or 'within 10 bps of x' (basis points)");
        }
        if (!c.matchWord("of")) {
            throw c.fail(
                    c.peek(),
                    "expected 'of' after the tolerance (as in 'within 0 of x'),"
                            + " found "
                            + c.peek().describe());
        }
        Expr expected = p.parse(ExprParser.COMPARE);
        long tolerance = n.value() == null ? 0 : (Long) n.value();
        Span span = actual.span().to(expected.span());
        return p.node(new Within(actual, tolerance, bps, expected, opSpan, span), actual, expected);
    }

    private Expr isNull(Expr operand, Span opSpan) {
        boolean negated = c.matchWord("not");
        if (!c.atWord("null")) {
            throw c.fail(
                    c.peek(),
                    "expected 'null' after '"
                            + (negated ? "is not" : "is")
                            + "', found "
                            + c.peek().describe());
        }
        Span span = operand.span().to(c.span(c.advance()));
        return p.node(new IsNull(operand, negated, opSpan, span), operand);
    }
}
