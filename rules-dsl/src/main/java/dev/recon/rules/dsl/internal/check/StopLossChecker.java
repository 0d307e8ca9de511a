package dev.recon.rules.dsl.internal.check;

import dev.recon.rules.Side;
import dev.recon.rules.dsl.internal.ast.Decl.StopLossDecl;
import dev.recon.rules.dsl.internal.source.Reporter;

/**
 * Checks the target field of a {@code stoploss} clause: a string field of the pair (with a
 * suggestion when unknown), and on a lifecycle rule a field of the one record the rule has.
 */
final class StopLossChecker {
    private final Reporter r;
    private final Scope scope;
    private final ExprChecker exprs;

    StopLossChecker(Reporter reporter, Scope scope, ExprChecker exprs) {
        this.r = reporter;
        this.scope = scope;
        this.exprs = exprs;
    }

    /** {@code present} is the only side a lifecycle rule has, null for a pair rule. */
    void check(StopLossDecl s, String owner, Side present) {
        if (s.field() == null || !scope.complete()) {
            return;
        }
        Type t = exprs.check(s.field());
        if (t == Type.ERROR) {
            return; // unknown stream or field, reported with a suggestion
        }
        String field = s.field().qualifier().text() + "." + s.field().field().text();
        if (t != Type.STRING) {
            r.error(
                    s.field().span(),
                    "the %s of a stop-loss must be a string field, but %s is a %s"
                            .formatted(s.target().text(), field, t.display()));
            return;
        }
        Side side = exprs.typing.side(s.field());
        if (present != null && side != present) {
            Checked.Stream has = scope.stream(present);
            r.error(
                    s.field().span(),
                    "%s has no %s record, so its stop-loss cannot read %s: name a field of %s"
                                    .formatted(owner, scope.stream(side).name(), field, has.name())
                            + " (%s.x), or use 'merchant'"
                                    .formatted(present == Side.LEFT ? "left" : "right"));
        }
    }
}
