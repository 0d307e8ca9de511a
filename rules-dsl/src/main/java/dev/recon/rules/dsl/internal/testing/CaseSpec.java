package dev.recon.rules.dsl.internal.testing;

import dev.recon.rules.Reconciliation;
import dev.recon.rules.RuleSet;
import dev.recon.rules.dsl.internal.source.Suggestions;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * What a case says, read and validated: the reconciliation, the records, the verdict and the
 * expected rule ids. Anything wrong throws IllegalArgumentException, which fails the case.
 */
record CaseSpec(
        Reconciliation recon,
        GenericRecord left,
        GenericRecord right,
        String verdict,
        List<String> expected,
        JsonNode json) {
    private static final Set<String> KEYS =
            Set.of(
                    "name",
                    "reconciliation",
                    "left",
                    "right",
                    "verdict",
                    "expect",
                    "messages",
                    "at_risk");

    static CaseSpec read(RuleSet rules, JsonNode json) {
        keys(json);
        Reconciliation recon = reconciliation(rules, json);
        List<String> expected = expected(json);
        GenericRecord left = record(json, "left", recon.left().schema());
        GenericRecord right = record(json, "right", recon.right().schema());
        return new CaseSpec(recon, left, right, verdict(json, left, right), expected, json);
    }

    private static void keys(JsonNode json) {
        if (!json.isObject()) {
            throw new IllegalArgumentException("a case must be a JSON object");
        }
        for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!KEYS.contains(k)) {
                throw new IllegalArgumentException(
                        "unknown key \"" + k + "\"" + Suggestions.didYouMean(k, KEYS));
            }
        }
    }

    private static Reconciliation reconciliation(RuleSet rules, JsonNode json) {
        if (json.has("reconciliation")) {
            String n = json.get("reconciliation").asText();
            return rules.reconciliations().stream()
                    .filter(r -> r.name().equals(n))
                    .findFirst()
                    .orElseThrow(
                            () -> new IllegalArgumentException("no reconciliation \"" + n + "\""));
        }
        if (rules.reconciliations().size() != 1) {
            throw new IllegalArgumentException("say which reconciliation: \"reconciliation\": ...");
        }
        return rules.reconciliations().get(0);
    }

    private static List<String> expected(JsonNode json) {
        JsonNode node = json.get("expect");
        if (node == null || !node.isArray()) {
            throw new IllegalArgumentException(
                    "\"expect\" must be a list of rule ids, [] for none");
        }
        List<String> ids = new ArrayList<>();
        node.forEach(n -> ids.add(n.asText()));
        return ids;
    }

    private static GenericRecord record(JsonNode json, String side, Schema schema) {
        JsonNode node = json.get(side);
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return RecordBuilder.build(schema, node);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(side + " record: " + e.getMessage());
        }
    }

    /** The verdict written, else "pair" with two records and "missing" with one. */
    private static String verdict(JsonNode json, GenericRecord left, GenericRecord right) {
        String v = json.path("verdict").asText(left != null && right != null ? "pair" : "missing");
        String needs =
                switch (v) {
                    case "pair" -> left != null && right != null ? null : "both left and right";
                    case "missing" ->
                            (left == null) != (right == null)
                                    ? null
                                    : "exactly one of left and right";
                    case "duplicate" ->
                            left == null && right != null
                                    ? null
                                    : "a right record only (the second one)";
                    case "conflict" ->
                            left != null && right == null
                                    ? null
                                    : "a left record only (the second one)";
                    default ->
                            throw new IllegalArgumentException(
                                    "unknown verdict \""
                                            + v
                                            + "\": use pair,"
                                            + " missing, duplicate or conflict");
                };
        if (needs != null) {
            throw new IllegalArgumentException("verdict \"" + v + "\" needs " + needs);
        }
        return v;
    }
}
