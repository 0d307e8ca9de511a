package dev.recon.job.rules;

import dev.recon.rules.RuleSet;

import java.io.Serializable;

/**
 * A serializable recipe for a rule set. Operators receive the recipe and compile it in {@code
 * open()}: compiled evaluator trees never travel through Flink's closure serialization or state.
 */
@FunctionalInterface
public interface RuleSetProvider extends Serializable {
    /** Compiles the rule set; called once per subtask. */
    RuleSet load();
}
