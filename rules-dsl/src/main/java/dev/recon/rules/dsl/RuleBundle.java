package dev.recon.rules.dsl;

import dev.recon.rules.dsl.internal.BundleFiles;
import dev.recon.rules.dsl.internal.BundleJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything a rule set is compiled from, as text: rule files by name and the Avro schemas they
 * reference, by the exact string written after {@code schema}. It can be read from disk, sent as
 * JSON (e.g. on a control topic) and hashed.
 *
 * <pre>{@code
 * RuleBundle bundle = RuleBundle.fromPath(Path.of("rules"));
 * Compilation c = RuleCompiler.compile(bundle);
 * if (!c.ok()) System.err.print(c.format());
 * }</pre>
 */
public record RuleBundle(SortedMap<String, String> ruleFiles, SortedMap<String, String> schemas) {

    /** Copies both maps (unmodifiable, sorted by name). */
    public RuleBundle {
        ruleFiles = copy(ruleFiles, "ruleFiles");
        schemas = copy(schemas, "schemas");
    }

    /**
     * Reads one {@code .rules} file, or every {@code *.rules} file of a directory (not
     * recursively), and every schema file they reference, resolved relative to the referencing
     * file. A schema file that cannot be read is left out: the compiler reports it where it is
     * referenced. Undecodable UTF-8 is replaced by U+FFFD, which the compiler reports.
     */
    public static RuleBundle fromPath(Path fileOrDirectory) throws IOException {
        return BundleFiles.read(fileOrDirectory);
    }

    /** Parses {@link #toJson()}; throws IllegalArgumentException saying what is wrong. */
    public static RuleBundle fromJson(byte[] json) {
        return BundleJson.read(json);
    }

    /** {@code {"format":1,"rule_files":{name:text},"schemas":{reference:text}}}, UTF-8. */
    public byte[] toJson() {
        return BundleJson.write(this);
    }

    /** SHA-256 (64 hex digits) over every file's name and text, rule files then schemas. */
    public String contentHash() {
        MessageDigest sha = sha256();
        update(sha, "rules", ruleFiles);
        update(sha, "schemas", schemas);
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void update(MessageDigest sha, String section, Map<String, String> files) {
        feed(sha, section);
        for (Map.Entry<String, String> e : files.entrySet()) {
            feed(sha, e.getKey());
            feed(sha, e.getValue());
        }
    }

    /** Length-prefixed, so that no two different bundles feed the same bytes. */
    private static void feed(MessageDigest sha, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        sha.update(
                new byte[] {
                    (byte) (b.length >>> 24),
                    (byte) (b.length >>> 16),
                    (byte) (b.length >>> 8),
                    (byte) b.length
                });
        sha.update(b);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }

    private static SortedMap<String, String> copy(Map<String, String> m, String what) {
        if (m == null) {
            throw new NullPointerException(what);
        }
        TreeMap<String, String> copy = new TreeMap<>();
        m.forEach(
                (k, v) ->
                        copy.put(
                                java.util.Objects.requireNonNull(k, what + " key"),
                                java.util.Objects.requireNonNull(v, what + " value of " + k)));
        return Collections.unmodifiableSortedMap(copy);
    }
}
