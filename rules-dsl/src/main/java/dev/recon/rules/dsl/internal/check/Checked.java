package dev.recon.rules.dsl.internal.check;

import dev.recon.rules.dsl.internal.ast.Decl.LifecycleDecl;
import dev.recon.rules.dsl.internal.ast.Decl.ReconcileDecl;
import dev.recon.rules.dsl.internal.ast.Decl.RuleDecl;
import dev.recon.rules.dsl.internal.ast.Decl.StreamDecl;

import org.apache.avro.Schema;

import java.time.Duration;
import java.util.List;

/** The checker's output, the planner's input: declarations resolved and validated. */
public final class Checked {
    private Checked() {}

    /** The id of a lifecycle rule: as written, else {@code <kind>-<stream>}, e.g. missing-bills. */
    public static String lifecycleId(LifecycleDecl l, String stream) {
        if (l.id() != null) {
            return l.id().text();
        }
        return l.kind().text() + "-" + stream.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** A stream with its parsed schema. */
    public record Stream(StreamDecl decl, Schema schema) {
        /** The stream's name. */
        public String name() {
            return decl.name().text();
        }
    }

    /** The four lifecycle rules of a reconciliation, by what they alert on. */
    public record Lifecycle(
            LifecycleDecl rightMissing,
            LifecycleDecl leftMissing,
            LifecycleDecl duplicateRight,
            LifecycleDecl conflictingLeft) {}

    /** A reconciliation: its streams, deadlines, retention and rules, all valid. */
    public record Recon(
            ReconcileDecl decl,
            Stream left,
            Stream right,
            Duration rightDeadline,
            Duration leftDeadline,
            Duration retention,
            Lifecycle lifecycle,
            List<RuleDecl> rules) {}

    /** A whole bundle: version, reconciliations, and the typing of their expressions. */
    public record Bundle(String version, List<Recon> recons, Typing typing) {}
}
