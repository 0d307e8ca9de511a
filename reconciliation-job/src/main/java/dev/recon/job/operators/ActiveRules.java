package dev.recon.job.operators;

import dev.recon.rules.Reconciliation;
import dev.recon.rules.RuleSet;

/** The rule set in force on this subtask, compiled once, swapped whole on an accepted update. */
final class ActiveRules {
    private final MatchMetrics metrics;
    private RuleSet ruleSet;
    private Verdicts verdicts;
    private String source;

    ActiveRules(RuleSet initial, MatchMetrics metrics) {
        this.metrics = metrics;
        install(initial, null);
    }

    /**
     * Puts a compiled rule set in force; {@code source} is its bundle JSON, null for the initial.
     */
    void install(RuleSet rules, String source) {
        this.ruleSet = rules;
        this.verdicts = new Verdicts(rules.reconciliations().get(0), rules.version(), metrics);
        this.source = source;
    }

    Verdicts verdicts() {
        return verdicts;
    }

    Reconciliation reconciliation() {
        return ruleSet.reconciliations().get(0);
    }

    String version() {
        return ruleSet.version();
    }

    String source() {
        return source;
    }
}
