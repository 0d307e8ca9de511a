package dev.recon.rules.dsl;

import dev.recon.rules.dsl.TestReport.CaseResult;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tests for {@link RuleTests}: the offline "given these records, expect these alerts" runner. */
class RuleTestsTest {
    private static final String PAY =
            "{\"payment_id\": \"p-1\", \"merchant_id\": \"m\","
                    + " \"payer_account\": \"a\", \"amount_minor\": 1000, \"currency\": \"USD\","
                    + " \"status\": \"SUCCEEDED\", \"event_time\": 1, \"source_system\": \"core\"}";
    private static final String BILL =
            "{\"bill_id\": \"b-1\", \"payment_id\": \"p-1\","
                    + " \"merchant_id\": \"m\", \"amount_minor\": 1003, \"currency\": \"USD\","
                    + " \"status\": \"BILLED\", \"event_time\": 2}";
    private static Compilation rules;

    @BeforeAll
    static void compile() throws IOException {
        rules = RuleCompiler.compile(RuleBundle.fromPath(Path.of("../rules")));
        assertThat(rules.ok()).as(rules.format()).isTrue();
    }

    private static TestReport run(String cases) {
        return RuleTests.run(rules, cases, "cases.json");
    }

    @Test
    void theShippedCasesPass() throws IOException {
        TestReport report =
                RuleTests.run(rules, Path.of("../rules/tests/payments-vs-bills.cases.json"));
        assertThat(report.ok()).as(report.format()).isTrue();
        assertThat(report.cases()).hasSizeGreaterThanOrEqualTo(15);
        assertThat(report.cases())
                .flatExtracting(CaseResult::expected)
                .contains(
                        "amount-match",
                        "currency-match",
                        "status-consistent",
                        "bill-missing",
                        "payment-missing",
                        "duplicate-bill",
                        "payment-conflict");
    }

    @Test
    void aFailingCaseShowsExpectedAndActualRuleIds() {
        TestReport report =
                run(
                        "[{\"name\": \"wrong\", \"left\": "
                                + PAY
                                + ", \"right\": "
                                + BILL
                                + ", \"expect\": [], \"messages\": {\"amount-match\": \"nope\"}}]");
        assertThat(report.ok()).isFalse();
        CaseResult c = report.cases().get(0);
        assertThat(c.actual()).containsExactly("amount-match");
        assertThat(report.format())
                .isEqualTo(
                        """
                FAIL  wrong: expected [], got [amount-match]
                        messages of amount-match: expected "nope", got "bill b-1 amount 1003 \
                differs from payment amount 1000 USD"
                cases.json: 1 case, 0 passed, 1 failed
                """);
    }

    @Test
    void recordsAreBuiltWithTheSchemaAndBadFieldsFailTheCase() {
        TestReport report =
                run(
                        "[{\"left\": "
                                + PAY.replace("\"currency\"", "\"curency\"")
                                + ", \"right\": "
                                + BILL
                                + ", \"expect\": []},"
                                + "{\"left\": {\"payment_id\": \"p\"}, \"right\": null, \"expect\": [\"bill-missing\"]},"
                                + "{\"left\": "
                                + PAY.replace("1000", "\"1000\"")
                                + ", \"right\": null, \"expect\": []},"
                                + "{\"name\": \"n\", \"left\": null, \"right\": null, \"expect\": [], \"verdcit\": 1}]");
        assertThat(report.cases())
                .extracting(c -> c.problems().get(0))
                .containsExactly(
                        "left record: unknown field 'curency' in PaymentEvent (did you mean 'currency'?)",
                        "left record: missing field 'merchant_id': PaymentEvent has no default for it",
                        "left record: field 'amount_minor' must be an integer, found \"1000\"",
                        "unknown key \"verdcit\" (did you mean 'verdict'?)");
        assertThat(report.cases())
                .extracting(CaseResult::name)
                .containsExactly("case #1", "case #2", "case #3", "n");
    }

    @Test
    void verdictsNeedTheRightRecords() {
        TestReport report =
                run(
                        "[{\"left\": "
                                + PAY
                                + ", \"verdict\": \"duplicate\", \"expect\": []},"
                                + "{\"left\": null, \"right\": null, \"expect\": []},"
                                + "{\"right\": "
                                + BILL
                                + ", \"verdict\": \"late\", \"expect\": []}]");
        assertThat(report.cases())
                .extracting(c -> c.problems().get(0))
                .containsExactly(
                        "verdict \"duplicate\" needs a right record only (the second one)",
                        "verdict \"missing\" needs exactly one of left and right",
                        "unknown verdict \"late\": use pair, missing, duplicate or conflict");
    }

    @Test
    void aBadCasesFileIsAnError() {
        assertThatThrownBy(() -> run("{}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cases.json: expected a JSON array of cases");
        assertThatThrownBy(() -> run("[")).hasMessageStartingWith("cases.json: not JSON: ");
        Compilation broken = TestBundles.compileCheck("1");
        assertThatThrownBy(() -> RuleTests.run(broken, "[]", "x"))
                .hasMessageStartingWith("the rules have errors:");
        assertThat(run("[]").ok()).as("no cases is not a pass").isFalse();
    }

    @Test
    void streamFiltersApplyAsInTheMatcher() throws IOException {
        String text =
                java.nio.file.Files.readString(Path.of("../rules/payments-vs-bills.rules"))
                        .replace(
                                "  id payment_id\n",
                                "  id payment_id\n  filter status != \"FAILED\"\n");
        var bundle =
                new RuleBundle(
                        new java.util.TreeMap<>(java.util.Map.of("f.rules", text)),
                        RuleBundle.fromPath(Path.of("../rules")).schemas());
        Compilation filtered = RuleCompiler.compile(bundle);
        assertThat(filtered.ok()).as(filtered.format()).isTrue();
        String failed = PAY.replace("SUCCEEDED", "FAILED");
        TestReport report =
                RuleTests.run(
                        filtered,
                        "[{\"name\": \"accepted\", \"left\": "
                                + PAY
                                + ", \"right\": "
                                + BILL
                                + ", \"expect\": [\"amount-match\"]},"
                                + "{\"name\": \"pair\", \"left\": "
                                + failed
                                + ", \"right\": "
                                + BILL
                                + ", \"expect\": [\"payment-missing\"]},"
                                + "{\"name\": \"alone\", \"left\": "
                                + failed
                                + ", \"verdict\": \"missing\", \"expect\": []}]",
                        "cases.json");
        assertThat(report.ok()).as(report.format()).isTrue();
    }
}
