package dev.recon.job.rules;

import dev.recon.rules.RuleSet;

/** Provides the rule set compiled from a rule bundle (rule files and schemas) read at start. */
public final class BundleRuleSetProvider implements RuleSetProvider {
    private static final long serialVersionUID = 1L;

    private final String bundleJson;

    /** Wraps the bundle's JSON; the caller checked it with {@link RuleUpdates#compile}. */
    public BundleRuleSetProvider(String bundleJson) {
        this.bundleJson = bundleJson;
    }

    @Override
    public RuleSet load() {
        RuleUpdates.Outcome o = RuleUpdates.compile(bundleJson);
        if (!o.accepted()) {
            throw new IllegalStateException(
                    "the start-up rule set does not compile:\n" + o.diagnostics());
        }
        return o.ruleSet();
    }
}
