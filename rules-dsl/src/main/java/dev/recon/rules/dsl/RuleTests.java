package dev.recon.rules.dsl;

import dev.recon.rules.dsl.internal.testing.CaseRunner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Offline rule tests: "given these records, expect these alerts". A cases file is a JSON array:
 *
 * <pre>{@code
 * [{"name": "amount differs",
 *   "left":  {"payment_id": "p-1", "amount_minor": 1000, ...},
 *   "right": {"bill_id": "b-1", "amount_minor": 1003, ...},
 *   "expect": ["amount-match"],
 *   "messages": {"amount-match": "bill b-1 amount 1003 differs from payment amount 1000 USD"}},
 *  {"name": "no bill", "left": {...}, "right": null, "verdict": "missing",
 *   "expect": ["bill-missing"]}]
 * }</pre>
 *
 * With both records the pair rules run and {@code expect} lists the ids of the rules that break (in
 * any order). With one record, {@code verdict} ({@code missing}, {@code duplicate} for a right
 * record, {@code conflict} for a left one) names the lifecycle verdict and {@code expect} its rule
 * id. Records are built with the stream's Avro schema: fields left out take their default; an
 * unknown field fails the case.
 */
public final class RuleTests {
    private RuleTests() {}

    /** Runs the cases of a file against compiled rules. */
    public static TestReport run(Compilation rules, Path casesFile) throws IOException {
        String json = Files.readString(casesFile, StandardCharsets.UTF_8);
        return run(rules, json, casesFile.toString());
    }

    /**
     * Runs the cases of a JSON text; {@code source} names it in the report. Throws
     * IllegalArgumentException when the rules have errors or the text is not a list of cases.
     */
    public static TestReport run(Compilation rules, String json, String source) {
        if (!rules.ok()) {
            throw new IllegalArgumentException("the rules have errors:\n" + rules.format());
        }
        return new TestReport(source, CaseRunner.run(rules.ruleSet(), json, source));
    }
}
