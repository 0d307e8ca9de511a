package dev.recon.rules.dsl.internal.check;

import dev.recon.rules.dsl.internal.ast.Expr;
import dev.recon.rules.dsl.internal.ast.Expr.Binary;
import dev.recon.rules.dsl.internal.ast.Expr.BoolLit;
import dev.recon.rules.dsl.internal.ast.Expr.Call;
import dev.recon.rules.dsl.internal.ast.Expr.FieldRef;
import dev.recon.rules.dsl.internal.ast.Expr.In;
import dev.recon.rules.dsl.internal.ast.Expr.IntLit;
import dev.recon.rules.dsl.internal.ast.Expr.IsNull;
import dev.recon.rules.dsl.internal.ast.Expr.Name;
import dev.recon.rules.dsl.internal.ast.Expr.StrLit;
import dev.recon.rules.dsl.internal.ast.Expr.Unary;
import dev.recon.rules.dsl.internal.ast.Expr.Within;
import dev.recon.rules.dsl.internal.source.Reporter;

import static dev.recon.rules.dsl.internal.check.Type.BOOL;
import static dev.recon.rules.dsl.internal.check.Type.ERROR;
import static dev.recon.rules.dsl.internal.check.Type.LONG;
import static dev.recon.rules.dsl.internal.check.Type.STRING;

/**
 * Type-checks expressions against the streams' schemas: resolves every field to a side and a
 * position, and reports unknown names with a suggestion and operands of the wrong type. An operand
 * already reported has type {@link Type#ERROR} and is not reported again.
 */
final class ExprChecker {
    final Reporter r;
    final Typing typing;
    final Scope scope;
    private final FieldResolver fields;
    private final Operators operators = new Operators(this);
    private final Functions functions = new Functions(this);
    private final Sets sets = new Sets(this);

    ExprChecker(Reporter reporter, Typing typing, Scope scope) {
        this.r = reporter;
        this.typing = typing;
        this.scope = scope;
        this.fields = new FieldResolver(reporter, typing, scope);
    }

    /** Checks an expression that must have type {@code expected}, in clause {@code clause}. */
    void expect(Expr e, Type expected, String clause, String meaning) {
        Type t = check(e);
        if (t != expected && t != ERROR) {
            r.error(
                    e.span(),
                    "'%s' must be %s, found a %s expression"
                            .formatted(clause, meaning, t.display()));
        }
    }

    /** The type of an expression; every sub-expression's type is recorded in the typing. */
    Type check(Expr e) {
        return typing.record(e, compute(e));
    }

    private Type compute(Expr e) {
        if (e instanceof FieldRef f) {
            return fields.field(f);
        } else if (e instanceof Name n) {
            return fields.name(n);
        } else if (e instanceof IntLit || e instanceof StrLit || e instanceof BoolLit) {
            return e instanceof IntLit ? LONG : e instanceof StrLit ? STRING : BOOL;
        } else if (e instanceof Unary u) {
            return operators.unary(u);
        } else if (e instanceof Binary b) {
            return operators.binary(b);
        } else if (e instanceof Within w) {
            return operators.within(w);
        } else if (e instanceof IsNull n) {
            return operators.isNull(n);
        } else if (e instanceof In in) {
            return sets.in(in);
        } else if (e instanceof Call c) {
            return functions.call(c);
        }
        return sets.misplaced(e);
    }

    /** Reports an operand whose type is not {@code wanted}, unless already reported. */
    void operand(Expr e, Type t, Type wanted, String what) {
        if (t != wanted && t != ERROR) {
            r.error(e.span(), what + ", found " + a(t));
        }
    }

    /** "a long", "a string", "a boolean". */
    static String a(Type t) {
        return "a " + t.display();
    }
}
