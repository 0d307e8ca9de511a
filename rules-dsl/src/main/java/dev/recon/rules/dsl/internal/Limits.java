package dev.recon.rules.dsl.internal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The bounds that keep hostile input cheap: file sizes, counts, name and string lengths. Nesting of
 * expressions is bounded by the parser (64 levels).
 */
public final class Limits {
    /** Largest rule file, in UTF-8 bytes. */
    public static final int MAX_RULE_FILE_BYTES = 1 << 20;

    /** Largest schema file, in UTF-8 bytes. */
    public static final int MAX_SCHEMA_BYTES = 1 << 20;

    /** Most rule files, and most schemas, in one bundle. */
    public static final int MAX_FILES = 256;

    /** Largest bundle as JSON (a control-topic message), in bytes. */
    public static final int MAX_BUNDLE_JSON_BYTES = 16 << 20;

    /** Longest name (identifier), in characters. */
    public static final int MAX_NAME = 256;

    /** Longest string literal, in characters. */
    public static final int MAX_STRING = 8192;

    private Limits() {}

    /** UTF-8 length of a text, or a value above {@code cap} as soon as it is known to exceed it. */
    public static long utf8Length(String text, long cap) {
        if (text.length() > cap) {
            return text.length(); // every character takes at least one byte
        }
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** A size for people: {@code 512 bytes}, {@code 3.2 KiB}, {@code 50.0 MiB}. */
    public static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        } else if (bytes < 1 << 20) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        } else if (bytes < 1L << 30) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
        }
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (1024.0 * 1024 * 1024));
    }

    /** "rule files are limited to 1 MiB". */
    public static String limit(String what, long bytes) {
        return what + " are limited to " + (bytes >> 20) + " MiB";
    }
}
