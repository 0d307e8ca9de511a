package dev.recon.rules.dsl;

import dev.recon.model.avro.RuleMode;
import dev.recon.model.avro.Severity;
import dev.recon.rules.PairRule;
import dev.recon.rules.Reconciliation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import static dev.recon.rules.dsl.TestBundles.compileCheck;
import static dev.recon.rules.dsl.TestBundles.compileRules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tests for {@link RuleCompiler}: what compiles, into what, and versions. */
class RuleCompilerTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "left.amount_minor == right.amount_minor",
                "left.currency != right.currency or left.status == \"SUCCEEDED\"",
                "not (left.amount_minor < 0) and right.amount_minor >= 0",
                "left.amount_minor * 2 - right.amount_minor + 1 <= 10",
                "-left.amount_minor > -5",
                "right.amount_minor within 10 bps of left.amount_minor",
                "right.amount_minor within 100 of left.amount_minor * 2",
                "payments.currency in [\"USD\", \"EUR\"] and bills.amount_minor not in [0, -1]",
                "right.status in {\"SUCCEEDED\": [\"BILLED\"]}[left.status]",
                "left.status is not null and right.currency is null",
                "abs(left.amount_minor) == length(upper(trim(lower(left.currency)))) * 0",
                "coalesce(left.status, right.status, \"x\") == \"x\" and starts_with(left.payment_id, \"p-\")",
                "coalesce(left.amount_minor, 0) > 0",
                "true and (1 == 1) == true",
                "left.event_time <= right.event_time + 60000",
            })
    void validChecksCompile(String check) {
        Compilation c = compileCheck(check);
        assertThat(c.ok()).as(c.format()).isTrue();
        assertThat(c.diagnostics()).isEmpty();
    }

    @Test
    void aRuleCompilesIntoThePairRuleModel() {
        Compilation c =
                compileRules(
                        """
                rule amount-match {
                  severity warning mode shadow owner "ops"
                  when left.currency == right.currency
                  check right.amount_minor within 0 of left.amount_minor
                  at_risk abs(left.amount_minor - right.amount_minor)
                  message "{bills.bill_id}: {payments.amount_minor}"
                }
                """);
        assertThat(c.ok()).as(c.format()).isTrue();
        Reconciliation r = c.ruleSet().reconciliation("r");
        PairRule rule = r.pairRules().get(0);
        assertThat(rule.header().severity()).isEqualTo(Severity.WARNING);
        assertThat(rule.header().mode()).isEqualTo(RuleMode.SHADOW);
        assertThat(rule.header().owner()).isEqualTo("ops");
        assertThat(rule.messageTemplate().source())
                .isEqualTo("{right.bill_id}: {left.amount_minor}");
        assertThat(rule.check().describe())
                .isEqualTo("right.amount_minor within exact of left.amount_minor");
        assertThat(r.rightDeadline()).isEqualTo(Duration.ofSeconds(5));
        assertThat(r.retention()).isEqualTo(Duration.ofMinutes(10));
        assertThat(r.rightMissing().header().id()).isEqualTo("missing-bills");
        assertThat(r.conflictingLeft().header().owner()).isEqualTo("unowned");
        assertThat(c.ruleCount()).isEqualTo(5);
        assertThat(c.summary()).startsWith("ok: 5 rules in 1 reconciliation, version ");
    }

    @Test
    void typeErrorsPointAtTheOperator() {
        Compilation c = compileCheck("left.amount_minor + left.currency > 0");
        assertThat(c.ok()).isFalse();
        assertThat(c.ruleSet()).isNull();
        assertThat(c.diagnostics())
                .singleElement()
                .satisfies(
                        d -> {
                            assertThat(d.message())
                                    .isEqualTo("'+' needs long operands, found long + string");
                            assertThat(d.sourceLine().codePointAt(d.column() - 1)).isEqualTo('+');
                        });
        assertThat(c.summary()).isEqualTo("1 error");
        assertThatThrownBy(c::explain).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void declarationsAreSharedAcrossTheFilesOfABundle() {
        TreeMap<String, String> files =
                new TreeMap<>(
                        Map.of(
                                "a-streams.rules",
                                TestBundles.STREAMS,
                                "b-recon.rules",
                                "reconcile \"r\" payments -> bills {\n"
                                        + TestBundles.LIFECYCLE
                                        + "}",
                                "c-version.rules",
                                "version \"2024-06-01.1\""));
        Compilation c = RuleCompiler.compile(new RuleBundle(files, TestBundles.schemas()));
        assertThat(c.ok()).as(c.format()).isTrue();
        assertThat(c.version()).isEqualTo("2024-06-01.1");
        assertThat(c.ruleSet().version()).isEqualTo("2024-06-01.1");
    }

    @Test
    void withoutADeclaredVersionTheVersionIsTheContentHash() {
        RuleBundle bundle =
                TestBundles.bundle(
                        TestBundles.STREAMS
                                + "reconcile \"r\" payments -> bills {\n"
                                + TestBundles.LIFECYCLE
                                + "}");
        Compilation c = RuleCompiler.compile(bundle);
        assertThat(c.version()).hasSize(12).isEqualTo(bundle.contentHash().substring(0, 12));
        TreeMap<String, String> schemas = TestBundles.schemas();
        schemas.put("P.avsc", schemas.get("P.avsc").replace("\"doc\"", "\"docx\""));
        RuleBundle changedSchema = new RuleBundle(bundle.ruleFiles(), schemas);
        assertThat(RuleCompiler.compile(changedSchema).version()).isNotEqualTo(c.version());
    }

    @Test
    void anEmptyBundleAndABundleWithoutReconciliationAreErrors() {
        Compilation empty = RuleCompiler.compile(new RuleBundle(new TreeMap<>(), new TreeMap<>()));
        assertThat(empty.format()).isEqualTo("error: no rule files (*.rules) to compile\n");
        Compilation noRecon = RuleCompiler.compile(TestBundles.bundle("# nothing here\n"));
        assertThat(noRecon.format())
                .isEqualTo(
                        "error: no reconciliation: a rule set needs at least one 'reconcile' block\n");
    }

    @Test
    void undecodableBytesAreReportedOnceAtTheFirst() {
        Compilation c = RuleCompiler.compile(TestBundles.bundle("# caf\uFFFD \uFFFD\n\n# \uFFFD"));
        assertThat(c.diagnostics()).extracting(Diagnostic::line).containsExactly(1);
        assertThat(c.diagnostics().get(0).column()).isEqualTo(6);
        assertThat(c.diagnostics().get(0).message())
                .isEqualTo(
                        "invalid UTF-8: bytes that are not UTF-8 (shown as U+FFFD) here and on 1"
                                + " more line; save the file as UTF-8");
    }

    @Test
    void lifecycleRulesNeedTheirStreamOnTheRightSide() {
        Compilation c = compileRules("duplicate payments severity critical message \"x\"");
        assertThat(c.diagnostics())
                .extracting(Diagnostic::message)
                .contains(
                        "'duplicate payments' is not supported yet: only the right stream (bills) can have"
                                + " duplicates");
    }
}
