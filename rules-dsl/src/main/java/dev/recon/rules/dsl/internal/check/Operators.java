package dev.recon.rules.dsl.internal.check;

import dev.recon.rules.dsl.internal.ast.Expr.Binary;
import dev.recon.rules.dsl.internal.ast.Expr.BinaryOp;
import dev.recon.rules.dsl.internal.ast.Expr.IsNull;
import dev.recon.rules.dsl.internal.ast.Expr.Unary;
import dev.recon.rules.dsl.internal.ast.Expr.UnaryOp;
import dev.recon.rules.dsl.internal.ast.Expr.Within;

import static dev.recon.rules.dsl.internal.check.ExprChecker.a;
import static dev.recon.rules.dsl.internal.check.Type.BOOL;
import static dev.recon.rules.dsl.internal.check.Type.ERROR;
import static dev.recon.rules.dsl.internal.check.Type.LONG;
import static dev.recon.rules.dsl.internal.check.Type.STRING;

/**
 * The typing rules of operators: {@code and or not} take conditions; {@code == !=} compare two
 * values of one type; {@code < <= > >= within + - *} and unary minus take longs; {@code is null}
 * takes a long or a string.
 */
final class Operators {
    private final ExprChecker c;

    Operators(ExprChecker checker) {
        this.c = checker;
    }

    Type unary(Unary u) {
        Type t = c.check(u.operand());
        if (u.op() == UnaryOp.NOT) {
            c.operand(u.operand(), t, BOOL, "'not' needs a condition (boolean)");
            return BOOL;
        }
        c.operand(u.operand(), t, LONG, "'-' needs a long");
        return LONG;
    }

    Type binary(Binary b) {
        Type l = c.check(b.left());
        Type r = c.check(b.right());
        BinaryOp op = b.op();
        if (op == BinaryOp.AND || op == BinaryOp.OR) {
            String needs = "'" + op.symbol() + "' needs a condition (boolean) on its ";
            c.operand(b.left(), l, BOOL, needs + "left");
            c.operand(b.right(), r, BOOL, needs + "right");
            return BOOL;
        }
        Type result = op.isComparison() ? BOOL : LONG;
        if (l == ERROR || r == ERROR) {
            return result;
        }
        if (op == BinaryOp.EQ || op == BinaryOp.NE) {
            if (l != r || l.ordinal() > STRING.ordinal()) {
                c.r.error(b.opSpan(), "cannot compare " + a(l) + " with " + a(r));
            }
        } else if (l != LONG || r != LONG) {
            String does = op.isComparison() ? "compares longs" : "needs long operands";
            c.r.error(
                    b.opSpan(),
                    "'%s' %s, found %s %s %s"
                            .formatted(op.symbol(), does, l.display(), op.symbol(), r.display()));
        }
        return result;
    }

    Type within(Within w) {
        Type actual = c.check(w.actual());
        Type expected = c.check(w.expected());
        if ((actual != LONG && actual != ERROR) || (expected != LONG && expected != ERROR)) {
            c.r.error(
                    w.opSpan(),
                    "'within' compares longs (amounts in minor units), found %s"
                                    .formatted(actual.display())
                            + " within .. of "
                            + expected.display());
        }
        return BOOL;
    }

    Type isNull(IsNull n) {
        Type t = c.check(n.operand());
        if (t != LONG && t != STRING && t != ERROR) {
            c.r.error(n.opSpan(), "'is null' tests fields and values, not " + a(t));
        }
        return BOOL;
    }
}
