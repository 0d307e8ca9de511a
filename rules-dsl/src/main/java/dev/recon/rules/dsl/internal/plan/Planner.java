package dev.recon.rules.dsl.internal.plan;

import dev.recon.model.avro.RuleMode;
import dev.recon.model.avro.Severity;
import dev.recon.rules.LifecycleRule;
import dev.recon.rules.MessageTemplate;
import dev.recon.rules.PairRule;
import dev.recon.rules.Reconciliation;
import dev.recon.rules.RuleSet;
import dev.recon.rules.Side;
import dev.recon.rules.StopLoss;
import dev.recon.rules.StreamSpec;
import dev.recon.rules.dsl.internal.ast.Decl.Header;
import dev.recon.rules.dsl.internal.ast.Decl.LifecycleDecl;
import dev.recon.rules.dsl.internal.ast.Decl.RuleDecl;
import dev.recon.rules.dsl.internal.ast.Decl.StreamDecl;
import dev.recon.rules.dsl.internal.ast.Expr;
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
                stream(r.left(), Side.LEFT),
                stream(r.right(), Side.RIGHT),
                r.rightDeadline(),
                r.leftDeadline(),
                r.retention(),
                pairs,
                lifecycle(l.rightMissing(), r.right(), r),
                lifecycle(l.leftMissing(), r.left(), r),
                lifecycle(l.duplicateRight(), r.right(), r),
                lifecycle(l.conflictingLeft(), r.left(), r));
    }

    /** A stream on {@code side} of a reconciliation; its filter reads that side. */
    private StreamSpec stream(Checked.Stream s, Side side) {
        StreamDecl d = s.decl();
        StreamSpec spec =
                new StreamSpec(
                        d.name().text(),
                        d.topic().value(),
                        s.schema(),
                        d.key().text(),
                        d.id().text(),
                        d.time().text());
        if (d.filter() == null) {
            return spec;
        }
        return spec.withFilter(
                ExprPlanner.forStream(typing, s.schema(), side).bool(d.filter()),
                sourceText(d.filter()));
    }

    /**
     * An expression as written, on one line: comments dropped, runs of white space made one space.
     */
    static String sourceText(Expr e) {
        String text = e.span().file().text().substring(e.span().start(), e.span().end());
        StringBuilder out = new StringBuilder();
        boolean inString = false;
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (inString) {
                out.append(ch);
                if (ch == '\\' && i + 1 < text.length()) {
                    out.append(text.charAt(++i));
                } else if (ch == '"') {
                    inString = false;
                }
                continue;
            }
            if (ch == '#' || (ch == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/')) {
                while (i + 1 < text.length() && text.charAt(i + 1) != '\n') {
                    i++;
                }
                space = true;
            } else if (Character.isWhitespace(ch)) {
                space = true;
            } else {
                if (space && !out.isEmpty()) {
                    out.append(' ');
                }
                space = false;
                out.append(ch);
                inString = ch == '"';
            }
        }
        return out.toString();
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
                .setStopLoss(stopLoss(h, r))
                .build();
    }

    private LifecycleRule lifecycle(LifecycleDecl l, Checked.Stream stream, Checked.Recon r) {
        Header h = l.header();
        return LifecycleRule.of(
                        Checked.lifecycleId(l, stream.name()),
                        severity(h),
                        mode(h),
                        owner(h),
                        message(h, r))
                .withStopLoss(stopLoss(h, r));
    }

    private StopLoss stopLoss(Header h, Checked.Recon r) {
        return StopLossPlanner.plan(h.stopLoss(), typing, r.left().schema(), r.right().schema());
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
