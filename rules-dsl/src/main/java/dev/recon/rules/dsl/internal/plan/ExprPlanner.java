package dev.recon.rules.dsl.internal.plan;

import dev.recon.rules.Side;
import dev.recon.rules.Tolerance;
import dev.recon.rules.dsl.internal.ast.Expr;
import dev.recon.rules.dsl.internal.ast.Expr.Binary;
import dev.recon.rules.dsl.internal.ast.Expr.BoolLit;
import dev.recon.rules.dsl.internal.ast.Expr.Call;
import dev.recon.rules.dsl.internal.ast.Expr.In;
import dev.recon.rules.dsl.internal.ast.Expr.IsNull;
import dev.recon.rules.dsl.internal.ast.Expr.Unary;
import dev.recon.rules.dsl.internal.ast.Expr.Within;
import dev.recon.rules.dsl.internal.check.Type;
import dev.recon.rules.dsl.internal.check.Typing;
import dev.recon.rules.expr.BoolExpr;
import dev.recon.rules.expr.Exprs;
import dev.recon.rules.expr.LongExpr;
import dev.recon.rules.expr.Predicates;
import dev.recon.rules.expr.Predicates.Comparison;
import dev.recon.rules.expr.StringExpr;

import org.apache.avro.Schema;

/**
 * Turns checked boolean expressions into evaluator nodes ({@link Exprs}, {@link Predicates});
 * operands go through {@link ValuePlanner}. Overloads are chosen here, by the checked types, so
 * evaluation never looks at a type or a name.
 */
final class ExprPlanner {
    private final Typing typing;
    private final ValuePlanner values;

    ExprPlanner(Typing typing, Schema left, Schema right) {
        this(typing, new ValuePlanner(typing, left, right));
    }

    private ExprPlanner(Typing typing, ValuePlanner values) {
        this.typing = typing;
        this.values = values;
    }

    /**
     * A planner for the filter of a stream with this schema on {@code side} of a reconciliation:
     * its fields, bare or qualified by the stream's name, read the record in that slot.
     */
    static ExprPlanner forStream(Typing typing, Schema schema, Side side) {
        return new ExprPlanner(typing, new ValuePlanner(typing, schema, schema, side));
    }

    /** An amount: a long expression. */
    LongExpr lng(Expr e) {
        return values.lng(e);
    }

    /** A condition: a boolean expression. */
    BoolExpr bool(Expr e) {
        if (e instanceof BoolLit b) {
            return Predicates.constant(b.value());
        } else if (e instanceof Unary u) {
            return Exprs.not(bool(u.operand()));
        } else if (e instanceof Binary b) {
            return binary(b);
        } else if (e instanceof Within w) {
            Tolerance t =
                    w.bps()
                            ? Tolerance.basisPoints(w.tolerance())
                            : Tolerance.absolute(w.tolerance());
            return Exprs.within(values.lng(w.expected()), values.lng(w.actual()), t);
        } else if (e instanceof In in) {
            return new SetPlanner(typing, values).in(in);
        } else if (e instanceof IsNull n) {
            return isNull(n);
        } else if (e instanceof Call c && c.function().text().equals("starts_with")) {
            return Predicates.startsWith(values.str(c.args().get(0)), values.str(c.args().get(1)));
        }
        throw unexpected(e);
    }

    private BoolExpr isNull(IsNull n) {
        if (typing.type(n.operand()) == Type.LONG) {
            LongExpr v = values.lng(n.operand());
            return n.negated() ? Predicates.isNotNull(v) : Predicates.isNull(v);
        }
        StringExpr v = values.str(n.operand());
        return n.negated() ? Predicates.isNotNull(v) : Predicates.isNull(v);
    }

    private BoolExpr binary(Binary b) {
        return switch (b.op()) {
            case AND -> Exprs.and(bool(b.left()), bool(b.right()));
            case OR -> Exprs.or(bool(b.left()), bool(b.right()));
            case EQ -> equal(b);
            case NE -> notEqual(b);
            case LT -> compare(b, Comparison.LT);
            case LE -> compare(b, Comparison.LE);
            case GT -> compare(b, Comparison.GT);
            case GE -> compare(b, Comparison.GE);
            default -> throw unexpected(b);
        };
    }

    private BoolExpr equal(Binary b) {
        return switch (typing.type(b.left())) {
            case LONG -> Predicates.equal(values.lng(b.left()), values.lng(b.right()));
            case STRING -> Exprs.equal(values.str(b.left()), values.str(b.right()));
            default -> Predicates.equal(bool(b.left()), bool(b.right()));
        };
    }

    private BoolExpr notEqual(Binary b) {
        return switch (typing.type(b.left())) {
            case LONG -> Predicates.notEqual(values.lng(b.left()), values.lng(b.right()));
            case STRING -> Predicates.notEqual(values.str(b.left()), values.str(b.right()));
            default -> Exprs.not(Predicates.equal(bool(b.left()), bool(b.right())));
        };
    }

    private BoolExpr compare(Binary b, Comparison op) {
        return Predicates.compare(values.lng(b.left()), op, values.lng(b.right()));
    }

    /** A checked expression the planner has no node for: a bug, not a user error. */
    static IllegalStateException unexpected(Expr e) {
        return new IllegalStateException(
                "cannot plan "
                        + e.getClass().getSimpleName()
                        + " at "
                        + e.span().where()
                        + " (the checker should have rejected it)");
    }
}
