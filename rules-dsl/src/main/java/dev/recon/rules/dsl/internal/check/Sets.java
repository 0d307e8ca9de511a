package dev.recon.rules.dsl.internal.check;

import dev.recon.rules.dsl.internal.ast.Expr;
import dev.recon.rules.dsl.internal.ast.Expr.In;
import dev.recon.rules.dsl.internal.ast.Expr.Index;
import dev.recon.rules.dsl.internal.ast.Expr.IntLit;
import dev.recon.rules.dsl.internal.ast.Expr.ListLit;
import dev.recon.rules.dsl.internal.ast.Expr.MapLit;
import dev.recon.rules.dsl.internal.ast.Expr.Name;
import dev.recon.rules.dsl.internal.ast.Expr.StrLit;

import static dev.recon.rules.dsl.internal.check.Type.BOOL;
import static dev.recon.rules.dsl.internal.check.Type.ERROR;
import static dev.recon.rules.dsl.internal.check.Type.LONG;
import static dev.recon.rules.dsl.internal.check.Type.STRING;

/**
 * {@code x in [..]} and {@code x in map[key]}: where lists and maps may appear, and their items.
 */
final class Sets {
    private final ExprChecker checker;

    Sets(ExprChecker checker) {
        this.checker = checker;
    }

    Type in(In in) {
        Type v = checker.check(in.value());
        if (v != LONG && v != STRING && v != ERROR) {
            checker.r.error(in.opSpan(), "'in' tests longs and strings, not " + ExprChecker.a(v));
            v = ERROR;
        }
        Expr set = in.set();
        if (set instanceof ListLit list) {
            list(list, v);
        } else if (set instanceof Index index) {
            lookup(index, v);
        } else {
            checker.check(set);
            checker.r.error(set.span(), "'in' needs a list [..] or a map lookup m[key] after it");
        }
        return BOOL;
    }

    private void list(ListLit list, Type v) {
        checker.typing.record(list, Type.LIST);
        if (list.items().isEmpty()) {
            checker.r.warning(list.span(), "'in []' is never true");
        }
        for (Expr item : list.items()) {
            Type t = checker.check(item);
            if (!(item instanceof IntLit) && !(item instanceof StrLit)) {
                checker.r.error(item.span(), "list items must be numbers or strings in quotes");
            } else if (v != ERROR && t != v) {
                checker.r.error(
                        item.span(),
                        "this item is "
                                + ExprChecker.a(t)
                                + " but the value"
                                + " tested is "
                                + ExprChecker.a(v));
            }
        }
    }

    private void lookup(Index index, Type v) {
        checker.typing.record(index, Type.LIST);
        Expr target = index.target();
        if (target instanceof MapLit m) {
            checker.typing.record(m, Type.MAP);
            checker.typing.map(m, Constants.map(m, checker.r));
        } else if (target instanceof Name n) {
            Type t = checker.check(n);
            if (t == Type.MAP) {
                checker.typing.map(n, checker.scope.maps().get(n.name().text()));
            } else if (t != ERROR) { // a field, written bare in a stream filter
                checker.r.error(index.opSpan(), "only a map can be looked up with [key]");
            }
        } else {
            checker.check(target);
            checker.r.error(index.opSpan(), "only a map can be looked up with [key]");
        }
        Type key = checker.check(index.key());
        checker.operand(index.key(), key, STRING, "map keys are strings");
        if (v != STRING && v != ERROR) {
            checker.r.error(
                    index.span(),
                    "the values of a map are strings, but the value tested"
                            + " is "
                            + ExprChecker.a(v));
        }
    }

    /** A list, map or lookup outside 'in': reported. */
    Type misplaced(Expr e) {
        String what =
                e instanceof ListLit
                        ? "a list [..]"
                        : e instanceof MapLit ? "a map {..}" : "a map lookup m[key]";
        checker.r.error(
                e.span(),
                what + " can only be used after 'in', as in x in [\"A\"] or" + " x in m[key]");
        return ERROR;
    }
}
