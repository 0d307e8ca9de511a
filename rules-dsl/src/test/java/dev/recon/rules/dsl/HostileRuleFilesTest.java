package dev.recon.rules.dsl;

import dev.recon.rules.dsl.internal.Limits;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static dev.recon.rules.dsl.TestBundles.LIFECYCLE;
import static dev.recon.rules.dsl.TestBundles.STREAMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Hostile rule files, on disk and pushed as bundle JSON: huge, deeply nested, binary, not UTF-8,
 * with huge names, pointing at odd schema files, random. Each gets a clear error or a verdict
 * within a bounded time, never a crash, a hang or an out-of-memory.
 */
class HostileRuleFilesTest {
    private static final Duration BOUND = Duration.ofSeconds(20);
    private static final String VALID =
            STREAMS
                    + "map m {\"A\": [\"B\"]}\n"
                    + "reconcile \"r\" payments -> bills {\n"
                    + LIFECYCLE
                    + "  rule a {\n    severity error\n    when left.currency == right.currency\n"
                    + "    check left.amount_minor within 5 bps of right.amount_minor"
                    + " and right.status in m[left.status]\n"
                    + "    at_risk abs(left.amount_minor - right.amount_minor)\n"
                    + "    message \"{left.payment_id} {right.bill_id}\"\n"
                    + "    stoploss hold channel left.source_system over 10 within 1m ttl 5m\n  }\n}\n";

    @TempDir Path dir;

    private static Compilation compile(String text) {
        return assertTimeoutPreemptively(
                BOUND, () -> RuleCompiler.compile(TestBundles.bundle(text)));
    }

    private static Compilation check(String condition) {
        return assertTimeoutPreemptively(BOUND, () -> TestBundles.compileCheck(condition));
    }

    private static void assertNestingError(Compilation c) {
        assertThat(c.ok()).isFalse();
        assertThat(c.diagnostics())
                .extracting(Diagnostic::message)
                .contains("expression nested too deeply (limit 64)");
    }

    @Test
    void theValidBaseCompiles() {
        assertThat(compile(VALID).ok()).as(compile(VALID).format()).isTrue();
    }

    @Test
    void aHugeFileOnDiskIsRefusedByItsSizeBeforeItIsRead() throws IOException {
        Path huge = dir.resolve("rules.rules");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(50L << 20); // sparse: 50 MiB that were never written
        }
        assertThatThrownBy(() -> RuleBundle.fromPath(dir))
                .isInstanceOf(IOException.class)
                .hasMessage("rules.rules is 50.0 MiB; rule files are limited to 1 MiB");
        assertThatThrownBy(() -> RuleBundle.fromPath(huge))
                .hasMessage("rules.rules is 50.0 MiB; rule files are limited to 1 MiB");
    }

    @Test
    void aHugeSchemaOnDiskIsRefusedToo() throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(dir.resolve("P.avsc").toFile(), "rw")) {
            f.setLength(3L << 20);
        }
        Files.writeString(dir.resolve("t.rules"), STREAMS);
        assertThatThrownBy(() -> RuleBundle.fromPath(dir))
                .hasMessage(
                        "schema \"P.avsc\" (of t.rules) is 3.0 MiB; schema files are limited to"
                                + " 1 MiB");
    }

    @Test
    void aSchemaPathAtADeviceADirectoryOrABinaryFileIsADiagnostic() throws IOException {
        Files.write(dir.resolve("bin.avsc"), randomBytes(new Random(1), 4096));
        Files.createDirectory(dir.resolve("adir.avsc"));
        Files.writeString(
                dir.resolve("t.rules"),
                STREAMS.replace("\"P.avsc\"", "\"/dev/zero\"").replace("\"B.avsc\"", "\"bin.avsc\"")
                        + "stream ledger { topic \"l\" schema \"adir.avsc\" key a id a time t }\n"
                        + "stream other { topic \"o\" schema \"../../../../../../../../../etc/hostname\""
                        + " key a id a time t }\n");
        Compilation c =
                assertTimeoutPreemptively(
                        BOUND, () -> RuleCompiler.compile(RuleBundle.fromPath(dir)));
        assertThat(c.ok()).isFalse();
        assertThat(c.diagnostics())
                .extracting(Diagnostic::message)
                .anySatisfy(m -> assertThat(m).startsWith("schema file not found: \"/dev/zero\""))
                .anySatisfy(m -> assertThat(m).startsWith("schema file not found: \"adir.avsc\""))
                .anySatisfy(m -> assertThat(m).startsWith("invalid Avro schema in \"bin.avsc\""));
    }

    @Test
    void aHugePushedFileOrSchemaIsRefusedWithTheLimit() {
        String big = "# " + "x".repeat(Limits.MAX_RULE_FILE_BYTES);
        Compilation c =
                RuleCompiler.compile(
                        RuleBundle.fromJson(
                                new RuleBundle(
                                                new TreeMap<>(Map.of("big.rules", big)),
                                                TestBundles.schemas())
                                        .toJson()));
        assertThat(c.format())
                .isEqualTo(
                        "big.rules: error: the file is 1.0 MiB; rule files are limited to 1 MiB"
                                + " (split it into several files of one directory)\n");
        TreeMap<String, String> schemas = TestBundles.schemas();
        schemas.put("P.avsc", " ".repeat(Limits.MAX_SCHEMA_BYTES + 1));
        Compilation s =
                RuleCompiler.compile(
                        new RuleBundle(new TreeMap<>(Map.of("t.rules", STREAMS)), schemas));
        assertThat(s.diagnostics())
                .extracting(Diagnostic::message)
                .contains("schema \"P.avsc\" is 1.0 MiB; schema files are limited to 1 MiB");
    }

    @Test
    void aHugeOrMalformedBundleJsonIsRejectedBeforeItIsCompiled() {
        byte[] huge = new byte[Limits.MAX_BUNDLE_JSON_BYTES + 1];
        assertThatThrownBy(() -> RuleBundle.fromJson(huge))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "invalid rule bundle JSON: it is 16.0 MiB; rule bundles are limited to"
                                + " 16 MiB");
        byte[] deep = "[".repeat(100_000).getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> RuleBundle.fromJson(deep))
                .hasMessageStartingWith("invalid rule bundle JSON: not JSON");
        byte[] notUtf8 = {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'};
        assertThatThrownBy(() -> RuleBundle.fromJson(notUtf8))
                .hasMessageStartingWith("invalid rule bundle JSON: not JSON");
        TreeMap<String, String> many = new TreeMap<>();
        for (int i = 0; i <= Limits.MAX_FILES; i++) {
            many.put("f" + i + ".rules", "");
        }
        Compilation c =
                RuleCompiler.compile(
                        RuleBundle.fromJson(new RuleBundle(many, new TreeMap<>()).toJson()));
        assertThat(c.format()).contains("the bundle has 257 rule files and 0 schemas; at most 256");
    }

    @Test
    void aPushedBundleWithAHostileFileGetsTheSameDiagnosticsAsOnDisk() {
        String deep =
                VALID.replace(
                        "abs(left.amount_minor", "(".repeat(100_000) + "abs(left.amount_minor");
        RuleBundle pushed = RuleBundle.fromJson(TestBundles.bundle(deep).toJson());
        assertNestingError(assertTimeoutPreemptively(BOUND, () -> RuleCompiler.compile(pushed)));
        RuleBundle binary = RuleBundle.fromJson(TestBundles.bundle("stream\0x").toJson());
        assertThat(RuleCompiler.compile(binary).format())
                .startsWith("test.rules:1:7: error: a NUL byte: rule files are UTF-8 text");
    }

    @Test
    void deepNestingOfEveryKindIsADiagnosticAtTheCaret() {
        String parens = "(".repeat(100_000) + "1" + ")".repeat(100_000) + " == 1";
        Compilation c = check(parens);
        assertNestingError(c);
        Diagnostic d = c.diagnostics().get(0);
        assertThat(d.column()).isEqualTo(1 + "rule t { severity error check ".length() + 64);
        assertNestingError(check("not ".repeat(100_000) + "true"));
        assertNestingError(check("- ".repeat(100_000) + "left.amount_minor > 0"));
        assertNestingError(check("left.amount_minor" + " + 1".repeat(100_000) + " > 0"));
        assertNestingError(check("left.amount_minor" + " * 2".repeat(100_000) + " > 0"));
        assertNestingError(check("true" + " and true".repeat(100_000)));
        assertNestingError(check("left.status in " + "[".repeat(100_000)));
        assertNestingError(check("abs(".repeat(100_000) + "1" + ")".repeat(100_000) + " > 0"));
        assertNestingError(compile("map m " + "{\"a\": ".repeat(100_000)));
        assertNestingError(
                compile(
                        "stream s { topic \"s\" schema \"P.avsc\" key payment_id id payment_id"
                                + " time event_time filter "
                                + "not ".repeat(100_000)
                                + "true }"));
    }

    @Test
    void nestingJustBelowTheLimitCompilesExplainsAndEvaluates() {
        String deep = "not ".repeat(60) + "(left.amount_minor" + " + 1".repeat(0) + " > 0)";
        Compilation c = check(deep);
        assertThat(c.ok()).as(c.format()).isTrue();
        assertThat(c.explain()).contains("not ");
        String sum = "left.amount_minor" + " + 1".repeat(60) + " > 0";
        Compilation s = check(sum);
        assertThat(s.ok()).as(s.format()).isTrue();
        var rule = s.ruleSet().reconciliations().get(0).pairRules().get(0);
        var p =
                dev.recon.model.avro.PaymentEvent.newBuilder()
                        .setPaymentId("p")
                        .setMerchantId("m")
                        .setPayerAccount("a")
                        .setAmountMinor(-60)
                        .setCurrency("USD")
                        .setStatus("S")
                        .setEventTime(1L)
                        .setSourceSystem("x")
                        .build();
        assertThat(rule.isBreak(p, null)).as("-60 + 60 > 0 is false: a break").isTrue();
    }

    @Test
    void invalidUtf8IsReportedOnceAtTheFirstBadByte() throws IOException {
        byte[] head = "stream payments {\n  topic \"pay".getBytes(StandardCharsets.UTF_8);
        byte[] bad = {(byte) 0xFF, (byte) 0xFE};
        byte[] tail = "\" \n}\n# \u00e9 ok\n# more \u0000".getBytes(StandardCharsets.UTF_8);
        Path file = dir.resolve("bad.rules");
        Files.write(file, concat(head, bad, tail, new byte[] {'\n', (byte) 0xC0, '\n'}));
        Compilation c = RuleCompiler.compile(RuleBundle.fromPath(file));
        assertThat(c.format())
                .contains(
                        "bad.rules:2:13: error: invalid UTF-8: bytes that are not UTF-8 (shown as"
                                + " U+FFFD) here and on 1 more line; save the file as UTF-8\n"
                                + "  topic \"pay\uFFFD\uFFFD\" \n"
                                + "            ^")
                .contains(
                        "bad.rules:5:8: error: a NUL byte: rule files are UTF-8 text, is this a"
                                + " binary file? (not parsed)");
        assertThat(c.diagnostics()).hasSize(2);
    }

    @Test
    void aBinaryFileGetsOneOrTwoErrorsNotFifty() throws IOException {
        Path file = dir.resolve("image.rules");
        Files.write(file, randomBytes(new Random(3), 200_000));
        Compilation c =
                assertTimeoutPreemptively(
                        BOUND, () -> RuleCompiler.compile(RuleBundle.fromPath(file)));
        assertThat(c.ok()).isFalse();
        assertThat(c.diagnostics()).hasSizeBetween(1, 2);
    }

    @Test
    void hugeNamesStringsAndLinesAreCutShort() {
        String name = "x".repeat(500_000);
        Compilation c = check("left." + name + " == \"" + "y".repeat(500_000) + "\"");
        assertThat(c.ok()).isFalse();
        assertThat(c.diagnostics())
                .extracting(Diagnostic::message)
                .contains("a name of 500000 characters; names are limited to 256")
                .contains("a string of 500000 characters; strings are limited to 8192");
        assertThat(c.format().length())
                .as("no diagnostic repeats the whole line")
                .isLessThan(5_000);
        c.diagnostics()
                .forEach(
                        d -> {
                            assertThat(d.sourceLine().length()).isLessThanOrEqualTo(170);
                            assertThat(d.message().length()).isLessThan(400);
                        });
        Diagnostic first = c.diagnostics().get(0);
        String caretLine = first.format().lines().toList().get(2);
        assertThat(first.sourceLine().charAt(caretLine.length() - 1))
                .as("the caret still points at the name")
                .isEqualTo('x');
    }

    @Test
    void randomBytesTokenSoupAndTruncatedFilesAllGetAVerdictInTime() {
        Random random = new Random(20261122);
        String[] soup = {
            "stream",
            "reconcile",
            "rule",
            "map",
            "version",
            "{",
            "}",
            "(",
            ")",
            "[",
            "]",
            "\"s\"",
            "->",
            "left.amount_minor",
            "right.status",
            "and",
            "or",
            "not",
            "in",
            "within",
            "bps",
            "of",
            "5s",
            "0",
            "stoploss",
            "hold",
            "merchant",
            "channel",
            "over",
            "ttl",
            "1m",
            ",",
            ":",
            "==",
            "+",
            "-",
            "*",
            "missing",
            "bills",
            "payments",
            "severity",
            "critical",
            "message",
            "check",
            "at_risk",
            "\n",
            "#",
            "\"{left.x\"",
            "is",
            "null",
            "\0",
            "\uFFFD"
        };
        long start = System.nanoTime();
        for (int i = 0; i < 300; i++) {
            String bytes =
                    new String(randomBytes(random, random.nextInt(3000)), StandardCharsets.UTF_8);
            verdict(bytes);
            StringBuilder tokens = new StringBuilder();
            for (int k = random.nextInt(400); k > 0; k--) {
                tokens.append(soup[random.nextInt(soup.length)]).append(' ');
            }
            verdict(tokens.toString());
            verdict(VALID.substring(0, random.nextInt(VALID.length())));
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(60));
    }

    /** A compilation that ends in time with a rule set or at least one error, and can be shown. */
    private static void verdict(String text) {
        Compilation c = compile(text);
        assertThat(c.ok() || c.diagnostics().stream().anyMatch(Diagnostic::isError))
                .as(text)
                .isTrue();
        assertThat(c.format()).doesNotContain("internal error");
        c.summary();
    }

    private static byte[] randomBytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
