package dev.recon.rules.dsl.internal.check;

import dev.recon.rules.Side;
import dev.recon.rules.dsl.internal.ast.Decl.ReconcileDecl;
import dev.recon.rules.dsl.internal.ast.Ident;
import dev.recon.rules.dsl.internal.source.Reporter;
import dev.recon.rules.dsl.internal.source.Suggestions;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Checks a reconciliation: its name, its two streams, a deadline for each side, the retention, the
 * four lifecycle rules and the pair rules.
 */
final class ReconChecker {
    /** Retention when none is written. */
    static final Duration DEFAULT_RETENTION = Duration.ofMinutes(10);

    private final Reporter r;
    private final Typing typing;
    private final Map<String, Checked.Stream> streams;
    private final Map<String, Map<String, Set<String>>> maps;
    private final Set<String> used;

    ReconChecker(
            Reporter reporter,
            Typing typing,
            Map<String, Checked.Stream> streams,
            Map<String, Map<String, Set<String>>> maps,
            Set<String> used) {
        this.r = reporter;
        this.typing = typing;
        this.streams = streams;
        this.maps = maps;
        this.used = used;
    }

    /** The checked reconciliation, or null when it has errors (they are reported). */
    Checked.Recon check(ReconcileDecl d) {
        int before = r.errorCount();
        Scope scope = scope(d);
        if (scope == null) {
            return null;
        }
        DeadlineChecker deadlineChecker = new DeadlineChecker(r, scope);
        Map<Side, Duration> deadlines = deadlineChecker.check(d);
        RuleChecker rules = new RuleChecker(r, typing, scope);
        Checked.Lifecycle lifecycle = new LifecycleChecker(r, scope, rules).check(d);
        d.rules().forEach(rules::pair);
        if (r.errorCount() > before || !scope.complete()) {
            return null;
        }
        Duration retention = d.retention() == null ? DEFAULT_RETENTION : d.retention().duration();
        deadlineChecker.warnShortRetention(d, deadlines, retention);
        return new Checked.Recon(
                d,
                scope.left(),
                scope.right(),
                deadlines.get(Side.RIGHT),
                deadlines.get(Side.LEFT),
                retention,
                lifecycle,
                d.rules());
    }

    /** The names of the reconciliation (checked), or null when a stream meets itself. */
    private Scope scope(ReconcileDecl d) {
        if (!d.name().text().matches(RuleChecker.ID_PATTERN)) {
            r.error(
                    d.name().span(),
                    "reconciliation name \""
                            + d.name().text()
                            + "\" must be"
                            + " lower-case letters, digits and dashes, starting with a letter");
        }
        Checked.Stream left = stream(d.left());
        Checked.Stream right = stream(d.right());
        if (d.left().text().equals(d.right().text())) {
            r.error(d.right().span(), "a stream cannot be reconciled with itself");
            return null;
        }
        return new Scope(
                d.name().text(), d.left().text(), d.right().text(), left, right, maps, used);
    }

    /** A declared stream (null when broken: reported where declared), or an error. */
    private Checked.Stream stream(Ident name) {
        if (streams.containsKey(name.text())) {
            used.add("stream " + name.text());
            return streams.get(name.text());
        }
        r.error(
                name.span(),
                "unknown stream '"
                        + name.text()
                        + "'"
                        + Suggestions.didYouMean(name.text(), streams.keySet()));
        return null;
    }
}
