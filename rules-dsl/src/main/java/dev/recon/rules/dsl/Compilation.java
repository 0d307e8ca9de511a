package dev.recon.rules.dsl;

import dev.recon.rules.Reconciliation;
import dev.recon.rules.RuleSet;
import dev.recon.rules.dsl.internal.plan.Explainer;

import java.util.List;

/**
 * The result of {@link RuleCompiler#compile}: the rule set (null when there are errors), every
 * diagnostic, and the rule set's version.
 */
public record Compilation(RuleSet ruleSet, List<Diagnostic> diagnostics, String version) {

    /** Copies the diagnostics. */
    public Compilation {
        diagnostics = List.copyOf(diagnostics);
    }

    /** True when there is a rule set: no errors (there may be warnings). */
    public boolean ok() {
        return ruleSet != null && diagnostics.stream().noneMatch(Diagnostic::isError);
    }

    /** Every diagnostic, formatted, each followed by a line break; "" when there are none. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        diagnostics.forEach(d -> sb.append(d.format()).append('\n'));
        return sb.toString();
    }

    /** Number of rules, pair and lifecycle, over all reconciliations; 0 when not ok. */
    public int ruleCount() {
        if (!ok()) {
            return 0;
        }
        int n = 0;
        for (Reconciliation r : ruleSet.reconciliations()) {
            n += r.pairRules().size() + 4;
        }
        return n;
    }

    /** "ok: 7 rules in 1 reconciliation, version X", or "2 errors, 1 warning". */
    public String summary() {
        if (ok()) {
            int recons = ruleSet.reconciliations().size();
            return "ok: "
                    + plural(ruleCount(), "rule")
                    + " in "
                    + plural(recons, "reconciliation")
                    + ", version "
                    + version;
        }
        long errors = diagnostics.stream().filter(Diagnostic::isError).count();
        long warnings = diagnostics.size() - errors;
        return plural((int) errors, "error")
                + (warnings > 0 ? ", " + plural((int) warnings, "warning") : "");
    }

    /** The compiled plan, rule by rule; see {@link Explainer}. Throws when not {@link #ok()}. */
    public String explain() {
        if (!ok()) {
            throw new IllegalStateException(
                    "the rules have errors; nothing to explain:\n" + format());
        }
        return Explainer.explain(ruleSet);
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
