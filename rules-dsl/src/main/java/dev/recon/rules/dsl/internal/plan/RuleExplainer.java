package dev.recon.rules.dsl.internal.plan;

import dev.recon.rules.LifecycleRule;
import dev.recon.rules.PairRule;
import dev.recon.rules.Reconciliation;
import dev.recon.rules.RuleHeader;
import dev.recon.rules.StopLoss;
import dev.recon.rules.expr.Expr;
import dev.recon.rules.expr.FieldRef;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static dev.recon.rules.dsl.internal.plan.Explainer.show;

/**
 * The rules part of an explanation: each rule's header, what it evaluates and reads, its message.
 */
final class RuleExplainer {
    private final Explainer.Text out;

    RuleExplainer(Explainer.Text out) {
        this.out = out;
    }

    void rules(Reconciliation r) {
        out.line(
                1,
                "pair rules, run in order on every matched pair: a pair breaks a rule when"
                        + " 'when' holds and 'check' does not");
        r.pairRules().forEach(this::pair);
        String left = r.left().name();
        String right = r.right().name();
        out.line(1, "lifecycle rules");
        lifecycle(
                r.rightMissing(),
                "no %s record arrives within %s of a %s record"
                        .formatted(right, show(r.rightDeadline()), left));
        lifecycle(
                r.leftMissing(),
                "no %s record arrives within %s of a %s record"
                        .formatted(left, show(r.leftDeadline()), right));
        lifecycle(
                r.duplicateRight(),
                "a second %s record with another %s arrives for the same %s"
                        .formatted(right, r.right().idField(), r.right().keyField()));
        lifecycle(
                r.conflictingLeft(),
                "a %s record arrives again for the same %s with other"
                                .formatted(left, r.left().keyField())
                        + " content");
    }

    private void pair(PairRule rule) {
        header(rule.header());
        out.line(3, "when     " + rule.when().describe());
        out.line(3, "check    " + rule.check().describe());
        out.line(3, "at risk  " + rule.atRisk().describe());
        List<String> reads = reads(rule.when(), rule.check(), rule.atRisk());
        out.line(3, "reads    " + (reads.isEmpty() ? "no fields" : String.join(", ", reads)));
        out.line(3, "message  \"" + rule.messageTemplate().source() + "\"");
        stopLoss(rule.header().stopLoss());
    }

    private void lifecycle(LifecycleRule rule, String when) {
        header(rule.header());
        out.line(3, "fires    when " + when);
        out.line(3, "message  \"" + rule.message().source() + "\"");
        stopLoss(rule.header().stopLoss());
    }

    /** What a break does besides alerting: hold or block its target, and when. */
    private void stopLoss(StopLoss s) {
        if (s == null) {
            return;
        }
        String target =
                s.target() == null
                        ? "the merchant of the alert (merchant_id)"
                        : "the "
                                + s.targetKind().name().toLowerCase(Locale.ROOT)
                                + " in "
                                + s.target().fields().get(0);
        String when =
                s.window().isZero()
                        ? "on the first break"
                        : "when more than %d minor units are at risk against it within %s"
                                .formatted(s.thresholdMinor(), show(s.window()));
        out.line(
                3,
                "stoploss %s %s %s, for %s (ttl)"
                        .formatted(
                                s.action().name().toLowerCase(Locale.ROOT),
                                target,
                                when,
                                show(s.ttl())));
    }

    private void header(RuleHeader h) {
        out.line(
                2,
                h.id()
                        + "  "
                        + h.severity().name().toLowerCase(Locale.ROOT)
                        + ", "
                        + h.mode().name().toLowerCase(Locale.ROOT)
                        + ", owner "
                        + h.owner());
    }

    /** The fields read by the parts, each once, in order of first use. */
    private static List<String> reads(Expr... parts) {
        List<String> reads = new ArrayList<>();
        for (Expr part : parts) {
            for (FieldRef f : part.fields()) {
                if (!reads.contains(f.toString())) {
                    reads.add(f.toString());
                }
            }
        }
        return reads;
    }
}
