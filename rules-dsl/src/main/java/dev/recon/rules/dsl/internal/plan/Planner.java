package dev.recon.rules.dsl.internal.plan;

import dev.recon.model.avro.RuleMode;
import dev.recon.model.avro.Severity;
import dev.recon.rules.LifecycleRule;
import dev.recon.rules.MessageTemplate;
import dev.recon.rules.PairRule;
import dev.recon.rules.Reconciliation;
import dev.recon.rules.RuleSet;
import dev.recon.rules.StreamSpec;
import dev.recon.rules.dsl.internal.ast.Decl.Header;
import dev.recon.rules.dsl.internal.ast.Decl.LifecycleDecl;
import dev.recon.rules.dsl.internal.ast.Decl.RuleDecl;
import dev.recon.rules.dsl.internal.ast.Decl.StreamDecl;
import dev.recon.rules.dsl.internal.check.Checked;
import dev.recon.rules.dsl.internal.check.Typing;
import dev.recon.rules.expr.Exprs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The plan pass: builds the rule model the job runs from a checked bundle. Expressions become trees
 * of small evaluator objects with fields resolved to positions; no reflection, no name lookup and
 * no code generation at evaluation time.
 */
public final class Planner {
    private final Typing typing;

    private Planner(Typing typing) {
        this.typing = typing;
    }

    /** The rule set of a checked bundle. */
    public static RuleSet plan(Checked.Bundle bundle) {
        Planner p = new Planner(bundle.typing());
        List<Reconciliation> recons = new ArrayList<>();
        bundle.recons().forEach(r -> recons.add(p.reconciliation(r)));
        return new RuleSet(bundle.version(), recons);
    }

    private Reconciliation reconciliation(Checked.Recon r) {
        Checked.Lifecycle l = r.lifecycle();
        List<PairRule> pairs = new ArrayList<>();
        for (RuleDecl rule : r.rules()) {
            pairs.add(pair(rule, r));
        }
        return new Reconciliation(
                r.decl().name().text(),
                stream(r.left()),
                stream(r.right()),
                r.rightDeadline(),
                r.leftDeadline(),
                r.retention(),
                pairs,
                lifecycle(l.rightMissing(), r.right(), r),
                lifecycle(l.leftMissing(), r.left(), r),
                lifecycle(l.duplicateRight(), r.right(), r),
                lifecycle(l.conflictingLeft(), r.left(), r));
    }

    private static StreamSpec stream(Checked.Stream s) {
        StreamDecl d = s.decl();
        return new StreamSpec(
                d.name().text(),
                d.topic().value(),
                s.schema(),
                d.key().text(),
                d.id().text(),
                d.time().text());
    }

    private PairRule pair(RuleDecl rule, Checked.Recon r) {
        ExprPlanner exprs = new ExprPlanner(typing, r.left().schema(), r.right().schema());
        Header h = rule.header();
        return PairRule.builder(rule.id().text())
                .setSeverity(severity(h))
                .setMode(mode(h))
                .setOwner(owner(h))
                .setWhen(rule.when() == null ? Exprs.always() : exprs.bool(rule.when()))
                .setCheck(exprs.bool(rule.check()))
                .setAtRisk(exprs.lng(rule.atRisk()))
                .setMessage(message(h, r))
                .build();
    }

    private LifecycleRule lifecycle(LifecycleDecl l, Checked.Stream stream, Checked.Recon r) {
        Header h = l.header();
        return LifecycleRule.of(
                Checked.lifecycleId(l, stream.name()),
                severity(h),
                mode(h),
                owner(h),
                message(h, r));
    }

    private MessageTemplate message(Header h, Checked.Recon r) {
        return MessageTemplate.compile(
                typing.message(h.message()), r.left().schema(), r.right().schema());
    }

    private static Severity severity(Header h) {
        return Severity.valueOf(h.severity().text().toUpperCase(Locale.ROOT));
    }

    private static RuleMode mode(Header h) {
        return h.mode() == null
                ? RuleMode.ENFORCE
                : RuleMode.valueOf(h.mode().text().toUpperCase(Locale.ROOT));
    }

    private static String owner(Header h) {
        return h.owner() == null ? "unowned" : h.owner().value();
    }
}
