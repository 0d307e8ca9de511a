package dev.recon.rules.dsl.internal.plan;

import dev.recon.rules.Side;
import dev.recon.rules.dsl.internal.ast.Expr;
import dev.recon.rules.dsl.internal.ast.Expr.Binary;
import dev.recon.rules.dsl.internal.ast.Expr.Call;
import dev.recon.rules.dsl.internal.ast.Expr.FieldRef;
import dev.recon.rules.dsl.internal.ast.Expr.IntLit;
import dev.recon.rules.dsl.internal.ast.Expr.Name;
import dev.recon.rules.dsl.internal.ast.Expr.StrLit;
import dev.recon.rules.dsl.internal.ast.Expr.Unary;
import dev.recon.rules.dsl.internal.check.Typing;
import dev.recon.rules.expr.Arithmetic;
import dev.recon.rules.expr.Exprs;
import dev.recon.rules.expr.Fields;
import dev.recon.rules.expr.LongExpr;
import dev.recon.rules.expr.StringExpr;
import dev.recon.rules.expr.Strings;

import org.apache.avro.Schema;

import java.util.List;

/**
 * Turns checked long and string expressions into evaluator nodes; fields become positions. For a
 * stream's filter every field, bare ({@code status}) or qualified ({@code payments.status}), reads
 * the one side the stream is on ({@code fixed}).
 */
final class ValuePlanner {
    private final Typing typing;
    private final Schema left;
    private final Schema right;
    private final Side fixed;

    ValuePlanner(Typing typing, Schema left, Schema right) {
        this(typing, left, right, null);
    }

    /** {@code fixed}: the side every field reads, or null to use the side each was checked on. */
    ValuePlanner(Typing typing, Schema left, Schema right, Side fixed) {
        this.typing = typing;
        this.left = left;
        this.right = right;
        this.fixed = fixed;
    }

    LongExpr lng(Expr e) {
        if (e instanceof IntLit i) {
            return Arithmetic.constant(i.value());
        } else if (e instanceof FieldRef f) {
            Side side = side(f);
            return Fields.longField(side, schema(side), f.field().text());
        } else if (e instanceof Name n && fixed != null) {
            return Fields.longField(fixed, schema(fixed), n.name().text());
        } else if (e instanceof Unary u) {
            return Arithmetic.negate(lng(u.operand()));
        } else if (e instanceof Binary b) {
            return switch (b.op()) {
                case ADD -> Arithmetic.add(lng(b.left()), lng(b.right()));
                case SUB -> Arithmetic.subtract(lng(b.left()), lng(b.right()));
                case MUL -> Arithmetic.multiply(lng(b.left()), lng(b.right()));
                default -> throw ExprPlanner.unexpected(e);
            };
        } else if (e instanceof Call c) {
            return switch (c.function().text()) {
                case "abs" -> Arithmetic.abs(lng(c.args().get(0)));
                case "length" -> Arithmetic.length(str(c.args().get(0)));
                case "coalesce" -> Arithmetic.coalesce(c.args().stream().map(this::lng).toList());
                default -> throw ExprPlanner.unexpected(e);
            };
        }
        throw ExprPlanner.unexpected(e);
    }

    StringExpr str(Expr e) {
        if (e instanceof StrLit s) {
            return Exprs.literal(s.str().value());
        } else if (e instanceof FieldRef f) {
            Side side = side(f);
            return Fields.stringField(side, schema(side), f.field().text());
        } else if (e instanceof Name n && fixed != null) {
            return Fields.stringField(fixed, schema(fixed), n.name().text());
        } else if (e instanceof Call c) {
            List<Expr> args = c.args();
            return switch (c.function().text()) {
                case "upper" -> Strings.upper(str(args.get(0)));
                case "lower" -> Strings.lower(str(args.get(0)));
                case "trim" -> Strings.trim(str(args.get(0)));
                case "coalesce" -> Strings.coalesce(args.stream().map(this::str).toList());
                default -> throw ExprPlanner.unexpected(e);
            };
        }
        throw ExprPlanner.unexpected(e);
    }

    private Side side(FieldRef f) {
        return fixed != null ? fixed : typing.side(f);
    }

    private Schema schema(Side side) {
        return side == Side.LEFT ? left : right;
    }
}
