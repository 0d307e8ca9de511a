package dev.recon.rules.dsl.internal.check;

import dev.recon.rules.Side;
import dev.recon.rules.dsl.internal.ast.Decl.LifecycleDecl;
import dev.recon.rules.dsl.internal.ast.Decl.ReconcileDecl;
import dev.recon.rules.dsl.internal.source.Reporter;
import dev.recon.rules.dsl.internal.source.Suggestions;

import java.util.HashMap;
import java.util.Map;

/**
 * Matches {@code missing}, {@code duplicate} and {@code conflict} declarations to the four
 * lifecycle rules a reconciliation needs: missing right, missing left, duplicate right, conflicting
 * left. Each is required and may be declared once.
 */
final class LifecycleChecker {
    private final Reporter r;
    private final Scope scope;
    private final RuleChecker rules;
    private final Map<String, LifecycleDecl> found = new HashMap<>();

    LifecycleChecker(Reporter reporter, Scope scope, RuleChecker rules) {
        this.r = reporter;
        this.scope = scope;
        this.rules = rules;
    }

    /** The four rules, or null when one is missing or the streams are broken (reported). */
    Checked.Lifecycle check(ReconcileDecl d) {
        d.lifecycle().forEach(this::declare);
        if (!scope.complete() || !d.complete()) {
            return null;
        }
        String left = scope.leftName();
        String right = scope.rightName();
        return new Checked.Lifecycle(
                require(d, "missing " + right, "no " + right + " record arrives in time"),
                require(d, "missing " + left, "no " + left + " record arrives in time"),
                require(
                        d,
                        "duplicate " + right,
                        "a second " + right + " record with another id arrives"),
                require(
                        d,
                        "conflict " + left,
                        "a " + left + " record arrives again with other content"));
    }

    private void declare(LifecycleDecl l) {
        String kind = l.kind().text();
        Side side = scope.side(l.stream().text());
        if (!allowed(kind, side, l)) {
            return;
        }
        String name = side == Side.LEFT ? scope.leftName() : scope.rightName();
        rules.id(Checked.lifecycleId(l, name), (l.id() != null ? l.id() : l.stream()).span());
        Side present = kind.equals("missing") ? other(side) : side;
        rules.header(l.header(), "'" + kind + " " + l.stream().text() + "'", present);
        LifecycleDecl first = found.putIfAbsent(kind + " " + name, l);
        if (first != null) {
            r.error(
                    l.span(),
                    "'%s %s' is already declared at %s"
                            .formatted(kind, l.stream().text(), first.span().where()));
        }
    }

    /** False (and reported) for an unknown stream, or a kind that side cannot have. */
    private boolean allowed(String kind, Side side, LifecycleDecl l) {
        String stream = l.stream().text();
        if (side == null) {
            if (scope.complete()) { // else a stream of the reconciliation was reported
                r.error(
                        l.stream().span(),
                        "unknown stream '%s' after '%s'%s"
                                .formatted(
                                        stream,
                                        kind,
                                        Suggestions.didYouMean(stream, scope.qualifiers())));
            }
            return false;
        }
        Side only =
                kind.equals("duplicate") ? Side.RIGHT : kind.equals("conflict") ? Side.LEFT : side;
        if (side != only) {
            String which =
                    only == Side.RIGHT
                            ? "right stream (" + scope.rightName() + ")"
                            : "left stream (" + scope.leftName() + ")";
            r.error(
                    l.stream().span(),
                    "'%s %s' is not supported yet: only the %s can have %s"
                            .formatted(
                                    kind,
                                    stream,
                                    which,
                                    kind.equals("duplicate") ? "duplicates" : "conflicts"));
            return false;
        }
        return true;
    }

    private LifecycleDecl require(ReconcileDecl d, String key, String when) {
        LifecycleDecl l = found.get(key);
        if (l == null) {
            String add = key + " severity critical message \"...\"";
            r.error(
                    d.name().span(),
                    "reconcile \"%s\" does not say how to alert when %s: add '%s'"
                            .formatted(d.name().text(), when, add));
        }
        return l;
    }

    private static Side other(Side side) {
        return side == Side.LEFT ? Side.RIGHT : Side.LEFT;
    }
}
