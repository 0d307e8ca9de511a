package dev.recon.rules.dsl.internal.plan;

import dev.recon.rules.Side;
import dev.recon.rules.dsl.internal.ast.Expr;
import dev.recon.rules.dsl.internal.ast.Expr.Binary;
import dev.recon.rules.dsl.internal.ast.Expr.Call;
import dev.recon.rules.dsl.internal.ast.Expr.FieldRef;
import dev.recon.rules.dsl.internal.ast.Expr.IntLit;
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

/** Turns checked long and string expressions into evaluator nodes; fields become positions. */
final class ValuePlanner {
    private final Typing typing;
    private final Schema left;
    private final Schema right;

    ValuePlanner(Typing typing, Schema left, Schema right) {
        this.typing = typing;
        this.left = left;
        this.right = right;
    }

    LongExpr lng(Expr e) {
        if (e instanceof IntLit i) {
            return Arithmetic.constant(i.value());
        } else if (e instanceof FieldRef f) {
            Side side = typing.side(f);
            return Fields.longField(side, schema(side), f.field().text());
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
            Side side = typing.side(f);
            return Fields.stringField(side, schema(side), f.field().text());
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

    private Schema schema(Side side) {
        return side == Side.LEFT ? left : right;
    }
}
