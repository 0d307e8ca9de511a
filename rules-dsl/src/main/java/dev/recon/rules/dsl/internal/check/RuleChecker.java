package dev.recon.rules.dsl.internal.check;

import dev.recon.rules.Side;
import dev.recon.rules.dsl.internal.ast.Decl.Header;
import dev.recon.rules.dsl.internal.ast.Decl.RuleDecl;
import dev.recon.rules.dsl.internal.ast.Ident;
import dev.recon.rules.dsl.internal.parser.Keywords;
import dev.recon.rules.dsl.internal.source.Reporter;
import dev.recon.rules.dsl.internal.source.Span;
import dev.recon.rules.dsl.internal.source.Suggestions;

import java.util.HashMap;
import java.util.Map;

/**
 * Checks the rules of one reconciliation: well-formed ids, unique across pair and lifecycle rules,
 * known severities and modes, typed conditions and amounts, and messages.
 */
final class RuleChecker {
    static final String ID_PATTERN = "[a-z][a-z0-9-]{0,63}";

    private final Reporter r;
    private final Scope scope;
    private final ExprChecker exprs;
    private final MessageChecker messages;
    private final StopLossChecker stopLosses;
    private final Map<String, Span> ids = new HashMap<>();

    RuleChecker(Reporter reporter, Typing typing, Scope scope) {
        this.r = reporter;
        this.scope = scope;
        this.exprs = new ExprChecker(reporter, typing, scope);
        this.messages = new MessageChecker(reporter, typing, scope);
        this.stopLosses = new StopLossChecker(reporter, scope, exprs);
    }

    /** A pair rule. */
    void pair(RuleDecl rule) {
        id(rule.id().text(), rule.id().span());
        String owner = "rule '" + rule.id().text() + "'";
        header(rule.header(), owner, null);
        boolean streams = scope.complete();
        if (rule.when() != null && streams) {
            exprs.expect(rule.when(), Type.BOOL, "when", "a condition (boolean)");
        }
        if (rule.check() != null && streams) {
            exprs.expect(rule.check(), Type.BOOL, "check", "a condition (boolean)");
        }
        if (rule.atRisk() != null && streams) {
            exprs.expect(rule.atRisk(), Type.LONG, "at_risk", "an amount (long)");
        }
    }

    /** An id: well-formed and not used before in this reconciliation. */
    void id(String id, Span at) {
        if (!id.matches(ID_PATTERN)) {
            r.error(
                    at,
                    "rule id '"
                            + id
                            + "' must be lower-case letters, digits and dashes,"
                            + " starting with a letter (at most 64)");
            return;
        }
        Span first = ids.putIfAbsent(id, at);
        if (first != null) {
            r.error(at, "duplicate rule id '" + id + "' (first declared at " + first.where() + ")");
        }
    }

    /**
     * Severity, mode, message and stop-loss; {@code present} is the only side a lifecycle rule has.
     */
    void header(Header h, String owner, Side present) {
        word(h.severity(), Keywords.SEVERITIES, "severity", "critical, error, warning or info");
        word(h.mode(), Keywords.MODES, "mode", "enforce or shadow");
        if (h.message() != null && scope.complete()) {
            messages.check(h.message(), present, owner);
        }
        if (h.stopLoss() != null) {
            stopLosses.check(h.stopLoss(), owner, present);
        }
    }

    private void word(Ident value, java.util.Set<String> allowed, String what, String list) {
        if (value != null && !allowed.contains(value.text())) {
            r.error(
                    value.span(),
                    "unknown "
                            + what
                            + " '"
                            + value.text()
                            + "'"
                            + Suggestions.didYouMean(value.text(), allowed)
                            + "; use "
                            + list);
        }
    }
}
