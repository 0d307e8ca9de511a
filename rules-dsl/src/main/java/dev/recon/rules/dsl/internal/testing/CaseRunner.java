package dev.recon.rules.dsl.internal.testing;

import dev.recon.rules.RuleSet;
import dev.recon.rules.dsl.TestReport.CaseResult;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads a cases file and runs each case; a case that cannot run fails with the reason. */
public final class CaseRunner {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CaseRunner() {}

    /** The result of every case of a JSON array; throws IllegalArgumentException on bad JSON. */
    public static List<CaseResult> run(RuleSet rules, String json, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(
                    source
                            + ": not JSON: "
                            + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException(source + ": expected a JSON array of cases");
        }
        List<CaseResult> results = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            results.add(one(rules, root.get(i), i));
        }
        return results;
    }

    private static CaseResult one(RuleSet rules, JsonNode c, int index) {
        String name =
                c.path("name").isTextual() ? c.get("name").textValue() : "case #" + (index + 1);
        try {
            return new Case(CaseSpec.read(rules, c), name).run();
        } catch (IllegalArgumentException e) {
            return new CaseResult(name, false, List.of(), List.of(), List.of(e.getMessage()));
        }
    }
}
