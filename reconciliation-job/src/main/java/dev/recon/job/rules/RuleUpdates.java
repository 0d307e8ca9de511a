package dev.recon.job.rules;

import dev.recon.model.avro.BillEvent;
import dev.recon.model.avro.PaymentEvent;
import dev.recon.rules.Reconciliation;
import dev.recon.rules.RuleSet;
import dev.recon.rules.dsl.Compilation;
import dev.recon.rules.dsl.RuleBundle;
import dev.recon.rules.dsl.RuleCompiler;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

import java.nio.charset.StandardCharsets;

/**
 * Compiles a rule bundle (the JSON of a control-topic message) and checks that this job can run it:
 * one reconciliation of payments against bills with the job's input schemas.
 */
public final class RuleUpdates {
    private RuleUpdates() {}

    /** The result of one update: the rule set to put in force, or why it was rejected. */
    public record Outcome(RuleSet ruleSet, String version, String diagnostics) {
        /** Whether the rule set may be put in force. */
        public boolean accepted() {
            return ruleSet != null;
        }
    }

    /** Compiles and checks a bundle; never throws on bad input. */
    public static Outcome compile(String bundleJson) {
        RuleBundle bundle;
        try {
            bundle = RuleBundle.fromJson(bundleJson.getBytes(StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return new Outcome(null, "", "not a rule bundle: " + e.getMessage());
        }
        return check(bundle);
    }

    /** Compiles and checks a bundle already read. */
    public static Outcome check(RuleBundle bundle) {
        Compilation c;
        try {
            c = RuleCompiler.compile(bundle);
        } catch (RuntimeException e) {
            return new Outcome(null, "", "the rule compiler failed: " + e);
        }
        if (!c.ok()) {
            return new Outcome(null, c.version(), c.format());
        }
        String problem = incompatibility(c.ruleSet());
        return problem == null
                ? new Outcome(c.ruleSet(), c.version(), "")
                : new Outcome(null, c.version(), problem);
    }

    private static String incompatibility(RuleSet rules) {
        if (rules.reconciliations().size() != 1) {
            return "this job runs exactly one reconciliation (payments against bills); the rule"
                    + " set has "
                    + rules.reconciliations().size();
        }
        Reconciliation r = rules.reconciliations().get(0);
        if (!same(r.left().schema(), PaymentEvent.getClassSchema())) {
            return "stream "
                    + r.left().name()
                    + ": its schema "
                    + r.left().schema().getFullName()
                    + " is not the job's payment schema dev.recon.model.avro.PaymentEvent";
        }
        if (!same(r.right().schema(), BillEvent.getClassSchema())) {
            return "stream "
                    + r.right().name()
                    + ": its schema "
                    + r.right().schema().getFullName()
                    + " is not the job's bill schema dev.recon.model.avro.BillEvent";
        }
        return null;
    }

    private static boolean same(Schema a, Schema b) {
        return SchemaNormalization.parsingFingerprint64(a)
                == SchemaNormalization.parsingFingerprint64(b);
    }
}
