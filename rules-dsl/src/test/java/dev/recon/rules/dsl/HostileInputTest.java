package dev.recon.rules.dsl;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The compiler never throws on user input: huge, deep, random or truncated files. */
class HostileInputTest {
    private static Compilation compile(String text) {
        return RuleCompiler.compile(TestBundles.bundle(text));
    }

    @Test
    void aHugeFileIsRejectedWithoutParsing() {
        Compilation c = compile("#".repeat(2_000_000));
        assertThat(c.format())
                .isEqualTo(
                        "test.rules: error: the file is 1.9 MiB; rule files are limited to 1 MiB"
                                + " (split it into several files of one directory)\n");
    }

    @Test
    void deepNestingIsADiagnosticNotAStackOverflow() {
        String deep = "(".repeat(100_000) + "1" + ")".repeat(100_000);
        Compilation c = TestBundles.compileCheck(deep + " == 1");
        assertThat(c.diagnostics())
                .extracting(Diagnostic::message)
                .contains("expression nested too deeply (limit 64)");
        Compilation chain = TestBundles.compileCheck("1" + " + 1".repeat(200_000) + " > 0");
        assertThat(chain.diagnostics())
                .extracting(Diagnostic::message)
                .contains("expression nested too deeply (limit 64)");
        Compilation maps = compile("map m " + "{\"a\": [".repeat(50_000));
        assertThat(maps.ok()).isFalse();
    }

    @Test
    void manyErrorsAreCapped() {
        Compilation c = compile("@".repeat(100_000));
        assertThat(c.diagnostics()).hasSizeLessThanOrEqualTo(52);
        assertThat(c.format()).contains("too many errors (50); stopped here");
    }

    @Test
    void randomInputNeverThrows() {
        String valid =
                TestBundles.STREAMS
                        + "reconcile \"r\" payments -> bills {\n"
                        + TestBundles.LIFECYCLE
                        + "rule a { severity error check left.amount_minor"
                        + " within 5 bps of right.amount_minor and left.status in m[right.status] at_risk"
                        + " abs(left.amount_minor) message \"{left.x\" }\n}\nmap m {\"A\": [\"B\"]}\n";
        Random random = new Random(42);
        for (int i = 0; i < 2_000; i++) {
            String text = mutate(valid, random);
            Compilation c = compile(text);
            assertThat(c.diagnostics()).isNotNull();
            assertThat(c.ok() || !c.diagnostics().isEmpty()).isTrue();
        }
    }

    @Test
    void hostileSchemasAreDiagnostics() {
        TreeMap<String, String> schemas = TestBundles.schemas();
        schemas.put("P.avsc", "[".repeat(5_000));
        schemas.put(
                "B.avsc", "{\"type\": \"record\", \"name\": \"B\", \"fields\": [{\"name\": 5}]}");
        Compilation c =
                RuleCompiler.compile(
                        new RuleBundle(
                                new TreeMap<>(Map.of("t.rules", TestBundles.STREAMS)), schemas));
        assertThat(c.diagnostics())
                .extracting(Diagnostic::message)
                .anySatisfy(m -> assertThat(m).startsWith("invalid Avro schema in \"P.avsc\""))
                .anySatisfy(m -> assertThat(m).startsWith("invalid Avro schema in \"B.avsc\""));
    }

    /** Deletes, duplicates or inserts a few random characters or slices. */
    private static String mutate(String s, Random random) {
        StringBuilder sb = new StringBuilder(s);
        for (int k = random.nextInt(4) + 1; k > 0; k--) {
            int at = random.nextInt(sb.length());
            switch (random.nextInt(4)) {
                case 0 -> sb.deleteCharAt(at);
                case 1 ->
                        sb.insert(
                                at,
                                "{}()[]\"#.,:-><=!\\\n\u00e9\uFFFD5s".charAt(random.nextInt(22)));
                case 2 ->
                        sb.insert(
                                at,
                                sb.substring(at, Math.min(sb.length(), at + random.nextInt(40))));
                default -> sb.setLength(Math.max(1, at));
            }
        }
        return sb.toString();
    }
}
