package dev.recon.rules.dsl.internal.parser;

import dev.recon.rules.dsl.internal.ast.Expr;
import dev.recon.rules.dsl.internal.ast.Expr.Binary;
import dev.recon.rules.dsl.internal.ast.Expr.BoolLit;
import dev.recon.rules.dsl.internal.ast.Expr.Call;
import dev.recon.rules.dsl.internal.ast.Expr.FieldRef;
import dev.recon.rules.dsl.internal.ast.Expr.In;
import dev.recon.rules.dsl.internal.ast.Expr.Index;
import dev.recon.rules.dsl.internal.ast.Expr.IntLit;
import dev.recon.rules.dsl.internal.ast.Expr.IsNull;
import dev.recon.rules.dsl.internal.ast.Expr.ListLit;
import dev.recon.rules.dsl.internal.ast.Expr.MapLit;
import dev.recon.rules.dsl.internal.ast.Expr.Name;
import dev.recon.rules.dsl.internal.ast.Expr.StrLit;
import dev.recon.rules.dsl.internal.ast.Expr.Unary;
import dev.recon.rules.dsl.internal.ast.Expr.UnaryOp;
import dev.recon.rules.dsl.internal.ast.Expr.Within;

import java.util.List;
import java.util.stream.Collectors;

/** Prints expressions as S-expressions, so that tests can state the shape of a parse. */
final class AstPrinter {
    private AstPrinter() {}

    static String print(Expr e) {
        if (e instanceof FieldRef f) {
            return f.qualifier().text() + "." + f.field().text();
        } else if (e instanceof Name n) {
            return n.name().text();
        } else if (e instanceof IntLit i) {
            return Long.toString(i.value());
        } else if (e instanceof StrLit s) {
            return "\"" + s.str().value() + "\"";
        } else if (e instanceof BoolLit b) {
            return Boolean.toString(b.value());
        } else if (e instanceof Unary u) {
            return "(" + (u.op() == UnaryOp.NOT ? "not " : "- ") + print(u.operand()) + ")";
        } else if (e instanceof Binary b) {
            return "(" + b.op().symbol() + " " + print(b.left()) + " " + print(b.right()) + ")";
        } else if (e instanceof Within w) {
            return "(within "
                    + w.tolerance()
                    + (w.bps() ? "bps " : " ")
                    + print(w.actual())
                    + " "
                    + print(w.expected())
                    + ")";
        } else if (e instanceof In in) {
            return "(in " + print(in.value()) + " " + print(in.set()) + ")";
        } else if (e instanceof IsNull n) {
            return "(" + (n.negated() ? "is-not-null " : "is-null ") + print(n.operand()) + ")";
        } else if (e instanceof Call c) {
            return "(" + c.function().text() + all(c.args()) + ")";
        } else if (e instanceof ListLit l) {
            return "[" + all(l.items()).trim() + "]";
        } else if (e instanceof MapLit m) {
            return "{"
                    + m.entries().stream()
                            .map(x -> print(x.key()) + ": " + print(x.value()))
                            .collect(Collectors.joining(", "))
                    + "}";
        }
        Index i = (Index) e;
        return "(index " + print(i.target()) + " " + print(i.key()) + ")";
    }

    private static String all(List<Expr> es) {
        return es.stream().map(x -> " " + print(x)).collect(Collectors.joining());
    }
}
