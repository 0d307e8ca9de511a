package dev.recon.rules.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Tests for {@link RulesMain}: output and exit status of each command. */
class RulesMainTest {
    private static final String RULES = "../rules";
    private static final String CASES = "../rules/tests/payments-vs-bills.cases.json";

    @TempDir Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return RulesMain.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void checkOfTheShippedRulesIsOk() {
        assertThat(run("check", RULES)).isZero();
        assertThat(out()).matches("ok: 7 rules in 1 reconciliation, version [0-9a-f]{12}\n");
        assertThat(err()).isEmpty();
    }

    @Test
    void checkPrintsDiagnosticsWithThePathAsTypedAndExitsOne() throws IOException {
        Path bad = dir.resolve("bad.rules");
        Files.writeString(bad, "stream s { topc \"t\" }\n");
        assertThat(run("check", RULES, dir.toString())).isEqualTo(1);
        assertThat(err())
                .contains(
                        bad
                                + ":1:12: error: unknown clause 'topc' in stream 's'"
                                + " (did you mean 'topic'?)\nstream s { topc \"t\" }\n           ^\n");
        assertThat(err()).endsWith(dir + ": 1 error, 1 warning\n");
        assertThat(out()).startsWith(RULES + ": ok: 7 rules");
    }

    @Test
    void explainPrintsThePlan() {
        assertThat(run("explain", RULES)).isZero();
        assertThat(out())
                .contains(
                        "reconciliation payments-vs-bills",
                        "check    right.amount_minor within exact of left.amount_minor",
                        "reads    left.currency (#4 string)");
    }

    @Test
    void testRunsTheCases() throws IOException {
        assertThat(run("test", RULES, CASES)).isZero();
        assertThat(out()).contains("PASS  amount differs by 3").containsPattern("0 failed\n$");
        Path failing = dir.resolve("cases.json");
        Files.writeString(
                failing,
                "[{\"name\": \"x\", \"verdict\": \"conflict\", \"left\": {},"
                        + " \"expect\": []}]");
        assertThat(run("test", RULES, failing.toString())).isEqualTo(1);
        assertThat(out()).contains("FAIL  x");
        Files.writeString(failing, "{");
        assertThat(run("test", RULES, failing.toString())).isEqualTo(1);
        assertThat(err()).contains("not JSON");
    }

    @Test
    void errorsInTheRulesFailExplainAndTest() throws IOException {
        Files.writeString(dir.resolve("bad.rules"), "oops");
        assertThat(run("explain", dir.toString())).isEqualTo(1);
        assertThat(run("test", dir.toString(), CASES)).isEqualTo(1);
        assertThat(out()).isEmpty();
        assertThat(err())
                .contains("error: expected stream, reconcile, map or version, found 'oops'");
    }

    @Test
    void badUsageExitsTwo() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(run("check")).isEqualTo(2);
        assertThat(run("explain", "a", "b")).isEqualTo(2);
        assertThat(run("test", RULES)).isEqualTo(2);
        assertThat(run("check", "no/such/path")).isEqualTo(2);
        assertThat(run("test", RULES, "no/such/cases.json")).isEqualTo(2);
        assertThat(err())
                .contains(
                        "rules: no command given",
                        "rules: unknown command 'frobnicate'",
                        "rules: no such file or directory: no/such/path",
                        "usage: rules <command>");
        assertThat(out()).isEmpty();
    }

    @Test
    void helpExitsZero() {
        assertThat(run("--help")).isZero();
        assertThat(out()).startsWith("usage: rules <command> ...");
        assertThat(err()).isEmpty();
    }
}
