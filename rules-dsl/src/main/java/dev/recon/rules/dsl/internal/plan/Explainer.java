package dev.recon.rules.dsl.internal.plan;

import dev.recon.rules.Reconciliation;
import dev.recon.rules.RuleSet;
import dev.recon.rules.StreamFilter;
import dev.recon.rules.StreamSpec;
import dev.recon.rules.dsl.internal.ast.DurationLit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a compiled rule set for people: per reconciliation its streams with the positions their
 * key, id and time fields were resolved to and their filters, its deadlines, and per rule what is
 * evaluated, on which fields (and positions), and when it fires. Works on any {@link RuleSet},
 * hand-built ones too.
 */
public final class Explainer {
    private final Text out = new Text();

    private Explainer() {}

    /** The explanation of a rule set. */
    public static String explain(RuleSet rules) {
        Explainer e = new Explainer();
        int count = 0;
        for (Reconciliation r : rules.reconciliations()) {
            count += r.pairRules().size() + 4;
        }
        e.out.line(
                0,
                "rule set "
                        + rules.version()
                        + ": "
                        + plural(rules.reconciliations().size(), "reconciliation")
                        + ", "
                        + plural(count, "rule"));
        rules.reconciliations().forEach(e::reconciliation);
        return e.out.toString();
    }

    private void reconciliation(Reconciliation r) {
        out.line(0, "");
        out.line(0, "reconciliation " + r.name());
        stream("left ", r.left());
        stream("right", r.right());
        timing(r);
        new RuleExplainer(out).rules(r);
    }

    private void stream(String side, StreamSpec s) {
        out.line(
                1,
                side
                        + "  "
                        + s.name()
                        + ": topic \""
                        + s.topic()
                        + "\", schema "
                        + s.schema().getFullName());
        out.line(
                3,
                "key "
                        + field(s, s.keyField())
                        + ", id "
                        + field(s, s.idField())
                        + ", event time "
                        + field(s, s.eventTimeField()));
        StreamFilter f = s.filter();
        if (f != null) {
            List<String> reads = new ArrayList<>();
            f.condition().fields().forEach(ref -> reads.add(ref.toString()));
            out.line(3, "filter " + f.text());
            out.line(
                    4,
                    "evaluated as "
                            + f.condition().describe()
                            + ", reads "
                            + (reads.isEmpty() ? "no fields" : String.join(", ", reads))
                            + "; a record for which it is not true is not reconciled");
        }
    }

    private void timing(Reconciliation r) {
        String left = r.left().name();
        String right = r.right().name();
        out.line(1, "timing");
        out.line(
                2,
                "a "
                        + left
                        + " record waits "
                        + show(r.rightDeadline())
                        + " for its "
                        + right
                        + " record, else "
                        + r.rightMissing().header().id()
                        + " fires");
        out.line(
                2,
                "a "
                        + right
                        + " record waits "
                        + show(r.leftDeadline())
                        + " for its "
                        + left
                        + " record, else "
                        + r.leftMissing().header().id()
                        + " fires");
        out.line(
                2,
                "a key is remembered "
                        + show(r.retention())
                        + " after its match or verdict"
                        + " (retention), to catch duplicates and late records");
    }

    private static String field(StreamSpec s, String name) {
        return name + " (#" + s.schema().getField(name).pos() + ")";
    }

    static String show(Duration d) {
        return DurationLit.show(d);
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    /** Indented lines. */
    static final class Text {
        private final StringBuilder sb = new StringBuilder();

        void line(int indent, String text) {
            sb.append("  ".repeat(indent)).append(text).append('\n');
        }

        @Override
        public String toString() {
            return sb.toString();
        }
    }
}
