package dev.recon.rules.dsl.internal.check;

import dev.recon.rules.Side;
import dev.recon.rules.dsl.internal.ast.Decl.Deadline;
import dev.recon.rules.dsl.internal.ast.Decl.ReconcileDecl;
import dev.recon.rules.dsl.internal.ast.DurationLit;
import dev.recon.rules.dsl.internal.source.Reporter;
import dev.recon.rules.dsl.internal.source.Span;
import dev.recon.rules.dsl.internal.source.Suggestions;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Deadlines: {@code deadline 5s} sets both sides, {@code deadline bills 5s} how long a record waits
 * for its bills counterpart; each side needs one, and only one. Also warns about a retention
 * shorter than a deadline.
 */
final class DeadlineChecker {
    private final Reporter r;
    private final Scope scope;

    DeadlineChecker(Reporter reporter, Scope scope) {
        this.r = reporter;
        this.scope = scope;
    }

    /** The deadline of each side that has one, keyed by the side waited for. */
    Map<Side, Duration> check(ReconcileDecl d) {
        Map<Side, Duration> set = new EnumMap<>(Side.class);
        Map<Side, Span> where = new EnumMap<>(Side.class);
        for (Deadline dl : d.deadlines()) {
            for (Side side : sides(dl)) {
                Span first = where.putIfAbsent(side, dl.span());
                if (first != null) {
                    r.error(
                            dl.span(),
                            "the deadline for %s is already set at %s"
                                    .formatted(name(side), first.where()));
                }
                set.putIfAbsent(side, dl.duration().duration());
            }
        }
        for (Side side : Side.values()) {
            if (!set.containsKey(side) && d.complete()) {
                String help = "add 'deadline 5s' (both sides) or 'deadline " + name(side) + " 5s'";
                r.error(
                        d.name().span(),
                        "reconcile \"%s\" has no deadline for %s: %s"
                                .formatted(d.name().text(), name(side), help));
            }
        }
        return set;
    }

    /** Warns when matched keys are forgotten before a late counterpart could resolve them. */
    void warnShortRetention(ReconcileDecl d, Map<Side, Duration> deadlines, Duration keep) {
        Duration longest = deadlines.values().stream().max(Duration::compareTo).orElse(keep);
        if (keep.compareTo(longest) < 0) {
            Span at = d.retention() != null ? d.retention().span() : d.name().span();
            r.warning(
                    at,
                    "the retention %s is shorter than the deadline %s: a late counterpart"
                                    .formatted(DurationLit.show(keep), DurationLit.show(longest))
                            + " will not resolve its missing alert");
        }
    }

    private Set<Side> sides(Deadline dl) {
        if (dl.stream() == null) {
            return Set.of(Side.LEFT, Side.RIGHT);
        }
        Side side = scope.side(dl.stream().text());
        if (side == null) {
            r.error(
                    dl.stream().span(),
                    "unknown stream '%s' in the deadline%s; the streams are %s"
                            .formatted(
                                    dl.stream().text(),
                                    Suggestions.didYouMean(dl.stream().text(), scope.qualifiers()),
                                    scope.qualifierList()));
            return Set.of();
        }
        return Set.of(side);
    }

    private String name(Side side) {
        return side == Side.LEFT ? scope.leftName() : scope.rightName();
    }
}
