package dev.recon.rules.dsl.internal.plan;

import dev.recon.rules.dsl.internal.ast.Expr;
import dev.recon.rules.dsl.internal.ast.Expr.In;
import dev.recon.rules.dsl.internal.ast.Expr.Index;
import dev.recon.rules.dsl.internal.ast.Expr.IntLit;
import dev.recon.rules.dsl.internal.ast.Expr.ListLit;
import dev.recon.rules.dsl.internal.ast.Expr.StrLit;
import dev.recon.rules.dsl.internal.check.Type;
import dev.recon.rules.dsl.internal.check.Typing;
import dev.recon.rules.expr.BoolExpr;
import dev.recon.rules.expr.Exprs;
import dev.recon.rules.expr.Predicates;

import java.util.LinkedHashSet;
import java.util.Set;

/** Plans {@code x in [..]} (a constant set) and {@code x in map[key]} (a constant map). */
final class SetPlanner {
    private final Typing typing;
    private final ValuePlanner values;

    SetPlanner(Typing typing, ValuePlanner values) {
        this.typing = typing;
        this.values = values;
    }

    BoolExpr in(In in) {
        if (in.set() instanceof Index index) {
            return Exprs.mapsTo(
                    values.str(index.key()), values.str(in.value()), typing.map(index.target()));
        }
        ListLit list = (ListLit) in.set();
        if (typing.type(in.value()) == Type.LONG) {
            Set<Long> longs = new LinkedHashSet<>();
            list.items().forEach(i -> longs.add(((IntLit) i).value()));
            return Predicates.in(values.lng(in.value()), longs);
        }
        Set<String> strings = new LinkedHashSet<>();
        for (Expr item : list.items()) {
            strings.add(((StrLit) item).str().value());
        }
        return Exprs.in(values.str(in.value()), strings);
    }
}
