package dev.recon.rules.dsl.internal.testing;

import dev.recon.rules.LifecycleRule;
import dev.recon.rules.PairRule;
import dev.recon.rules.Reconciliation;
import dev.recon.rules.dsl.TestReport.CaseResult;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.avro.generic.GenericRecord;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Runs one case: decides which rules fire on its records and compares with the expectation. */
final class Case {
    private final CaseSpec spec;
    private final String name;
    private final Map<String, String> messages = new LinkedHashMap<>();
    private final Map<String, Long> atRisk = new LinkedHashMap<>();

    Case(CaseSpec spec, String name) {
        this.spec = spec;
        this.name = name;
    }

    CaseResult run() {
        List<String> actual = fire(spec.recon(), spec.left(), spec.right());
        List<String> problems = new ArrayList<>();
        compare("messages", messages, problems);
        compare("at_risk", atRisk, problems);
        boolean same = new TreeSet<>(spec.expected()).equals(new TreeSet<>(actual));
        return new CaseResult(name, same && problems.isEmpty(), spec.expected(), actual, problems);
    }

    /**
     * As the matcher decides: a record its stream's filter rejects is not reconciled, so a pair
     * with one rejected record is the other one missing its counterpart, and a rejected record
     * alone fires nothing.
     */
    private List<String> fire(Reconciliation r, GenericRecord left, GenericRecord right) {
        boolean leftOk = left == null || r.left().accepts(left);
        boolean rightOk = right == null || r.right().accepts(right);
        if (!leftOk || !rightOk) {
            if (spec.verdict().equals("pair") && leftOk) {
                return lifecycle(r.rightMissing(), left, null);
            } else if (spec.verdict().equals("pair") && rightOk) {
                return lifecycle(r.leftMissing(), null, right);
            }
            return List.of();
        }
        return switch (spec.verdict()) {
            case "pair" -> pair(left, right);
            case "missing" ->
                    lifecycle(left != null ? r.rightMissing() : r.leftMissing(), left, right);
            case "duplicate" -> lifecycle(r.duplicateRight(), null, right);
            default -> lifecycle(r.conflictingLeft(), left, null);
        };
    }

    private List<String> pair(GenericRecord left, GenericRecord right) {
        List<String> ids = new ArrayList<>();
        for (PairRule rule : spec.recon().pairRules()) {
            if (rule.isBreak(left, right)) {
                String id = rule.header().id();
                ids.add(id);
                messages.put(id, rule.message(left, right));
                atRisk.put(id, rule.amountAtRisk(left, right));
            }
        }
        return ids;
    }

    private List<String> lifecycle(LifecycleRule rule, GenericRecord l, GenericRecord r) {
        messages.put(rule.header().id(), rule.message(l, r));
        return List.of(rule.header().id());
    }

    /** Compares an optional {rule id: value} expectation with what was produced. */
    private void compare(String key, Map<String, ?> produced, List<String> problems) {
        JsonNode want = spec.json().path(key);
        for (Iterator<Map.Entry<String, JsonNode>> it = want.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Object got = produced.get(e.getKey());
            JsonNode v = e.getValue();
            String expected = v.isTextual() ? v.textValue() : v.toString();
            if (got == null) {
                problems.add(key + " of " + e.getKey() + ": the rule did not fire");
            } else if (!String.valueOf(got).equals(expected)) {
                problems.add(
                        "%s of %s: expected \"%s\", got \"%s\""
                                .formatted(key, e.getKey(), expected, got));
            }
        }
    }
}
