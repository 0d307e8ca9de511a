package dev.recon.rules.dsl;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tests for {@link RuleBundle}: reading from disk, JSON, hashing. */
class RuleBundleTest {
    @TempDir Path dir;

    private static RuleBundle bundle(Map<String, String> rules, Map<String, String> schemas) {
        return new RuleBundle(new TreeMap<>(rules), new TreeMap<>(schemas));
    }

    @Test
    void readsEveryRulesFileOfADirectoryAndTheSchemasTheyReference() throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Path schemas = Files.createDirectories(dir.resolve("schemas"));
        Files.writeString(schemas.resolve("P.avsc"), "{payments}");
        Files.writeString(rules.resolve("a.rules"), "stream p { schema \"../schemas/P.avsc\" }");
        Files.writeString(
                rules.resolve("b.rules"), "stream q { schema \"missing.avsc\" } x.schema \"no\"");
        Files.writeString(rules.resolve("notes.txt"), "not a rule file");
        Files.createDirectories(rules.resolve("sub")).resolve("c.rules").toFile().createNewFile();
        RuleBundle b = RuleBundle.fromPath(rules);
        assertThat(b.ruleFiles()).containsOnlyKeys("a.rules", "b.rules");
        assertThat(b.schemas()).containsExactly(Map.entry("../schemas/P.avsc", "{payments}"));
        assertThat(RuleBundle.fromPath(rules.resolve("b.rules")).ruleFiles())
                .containsOnlyKeys("b.rules");
    }

    @Test
    void aMissingPathIsAnIoErrorButAMissingSchemaIsADiagnostic() throws IOException {
        assertThatThrownBy(() -> RuleBundle.fromPath(dir.resolve("nope")))
                .isInstanceOf(NoSuchFileException.class);
        Path file = dir.resolve("x.rules");
        Files.writeString(file, "stream p { topic \"p\" schema \"gone.avsc\" key k id i time t }");
        Compilation c = RuleCompiler.compile(RuleBundle.fromPath(file));
        assertThat(c.diagnostics())
                .extracting(Diagnostic::message)
                .contains(
                        "schema file not found: \"gone.avsc\" (a path relative to this rules"
                                + " file, to a readable regular file)");
    }

    @Test
    void invalidUtf8BecomesADiagnostic() throws IOException {
        Path file = dir.resolve("bad.rules");
        Files.write(file, new byte[] {'#', ' ', (byte) 0xC3, (byte) 0x28, '\n', 'x'});
        RuleBundle b = RuleBundle.fromPath(file);
        assertThat(b.ruleFiles().get("bad.rules")).contains("\uFFFD");
        assertThat(RuleCompiler.compile(b).format())
                .startsWith(
                        "bad.rules:1:3: error: invalid UTF-8: bytes that are not UTF-8 (shown as U+FFFD)");
    }

    @Test
    void theShippedRulesReadTheModelSchemas() throws IOException {
        RuleBundle b = RuleBundle.fromPath(Path.of("../rules"));
        assertThat(b.ruleFiles()).containsKey("payments-vs-bills.rules");
        assertThat(b.schemas())
                .containsOnlyKeys(
                        "../model/src/main/avro/PaymentEvent.avsc",
                        "../model/src/main/avro/BillEvent.avsc");
    }

    @Test
    void jsonRoundTrips() {
        RuleBundle b =
                bundle(
                        Map.of("a.rules", "stream \"é\"\n", "b.rules", ""),
                        Map.of("../x.avsc", "{\"type\": \"record\"}"));
        byte[] json = b.toJson();
        assertThat(new String(json, StandardCharsets.UTF_8)).startsWith("{\"format\":1,");
        assertThat(RuleBundle.fromJson(json)).isEqualTo(b);
        assertThat(RuleBundle.fromJson(json).contentHash()).isEqualTo(b.contentHash());
    }

    @Test
    void badJsonSaysWhatIsWrong() {
        assertThat(fromJsonError("not json")).startsWith("invalid rule bundle JSON: not JSON: ");
        assertThat(fromJsonError("[]"))
                .isEqualTo(
                        "invalid rule bundle JSON: expected an object with format, rule_files and schemas");
        assertThat(fromJsonError("{\"format\":2,\"rule_files\":{},\"schemas\":{}}"))
                .isEqualTo("invalid rule bundle JSON: \"format\" must be 1, found 2");
        assertThat(fromJsonError("{\"format\":1,\"rules\":{}}"))
                .isEqualTo(
                        "invalid rule bundle JSON: unknown key \"rules\" (expected format, rule_files, schemas)");
        assertThat(fromJsonError("{\"format\":1,\"rule_files\":{\"a\":1},\"schemas\":{}}"))
                .isEqualTo("invalid rule bundle JSON: \"rule_files\".a must be a string");
        assertThat(fromJsonError("{\"format\":1,\"rule_files\":{}}"))
                .isEqualTo(
                        "invalid rule bundle JSON: \"schemas\" must be an object of file name to text");
        assertThat(fromJsonError("")).startsWith("invalid rule bundle JSON: ");
    }

    private static String fromJsonError(String json) {
        try {
            RuleBundle.fromJson(json.getBytes(StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        throw new AssertionError("no error for " + json);
    }

    @Test
    void theContentHashCoversNamesTextsAndSchemasUnambiguously() {
        RuleBundle b = bundle(Map.of("a.rules", "x"), Map.of("s", "y"));
        assertThat(b.contentHash())
                .hasSize(64)
                .isEqualTo(bundle(Map.of("a.rules", "x"), Map.of("s", "y")).contentHash())
                .isNotEqualTo(bundle(Map.of("b.rules", "x"), Map.of("s", "y")).contentHash())
                .isNotEqualTo(bundle(Map.of("a.rules", "x "), Map.of("s", "y")).contentHash())
                .isNotEqualTo(bundle(Map.of("a.rules", "x"), Map.of("s", "z")).contentHash())
                .isNotEqualTo(bundle(Map.of("a.rules", "x", "s", "y"), Map.of()).contentHash());
        assertThat(bundle(Map.of("ab", "c"), Map.of()).contentHash())
                .isNotEqualTo(bundle(Map.of("a", "bc"), Map.of()).contentHash());
    }

    @Test
    void theMapsAreCopiedAndUnmodifiable() {
        TreeMap<String, String> rules = new TreeMap<>(Map.of("a.rules", "x"));
        RuleBundle b = new RuleBundle(rules, new TreeMap<>());
        rules.put("b.rules", "y");
        assertThat(b.ruleFiles()).containsOnlyKeys("a.rules");
        assertThatThrownBy(() -> b.ruleFiles().put("c", "z"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
