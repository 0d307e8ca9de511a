package dev.recon.rules.dsl.internal.parser;

import java.util.Set;

/** The words the language gives a meaning to, by where they may appear. */
public final class Keywords {
    /** Words that start a declaration. */
    public static final Set<String> TOP_LEVEL = Set.of("stream", "reconcile", "map", "version");

    /** Clauses of a {@code stream} block; {@code filter} is optional. */
    public static final Set<String> STREAM =
            Set.of("topic", "schema", "key", "id", "time", "filter");

    /** Clauses of a {@code reconcile} block; {@code match} and {@code window} are reserved. */
    public static final Set<String> RECONCILE =
            Set.of(
                    "deadline",
                    "retention",
                    "missing",
                    "duplicate",
                    "conflict",
                    "rule",
                    "match",
                    "window");

    /** Clauses of a {@code rule} block. */
    public static final Set<String> RULE =
            Set.of("severity", "owner", "mode", "when", "check", "at_risk", "message", "stoploss");

    /** Clauses of a lifecycle rule ({@code missing}, {@code duplicate}, {@code conflict}). */
    public static final Set<String> LIFECYCLE =
            Set.of("id", "severity", "owner", "mode", "message", "stoploss");

    /** Words of expressions; none of them, nor a rule clause, can name a stream or a map. */
    public static final Set<String> EXPRESSION =
            Set.of(
                    "and", "or", "not", "in", "is", "null", "within", "of", "bps", "true", "false",
                    "left", "right");

    /** Severities, as written. */
    public static final Set<String> SEVERITIES = Set.of("critical", "error", "warning", "info");

    /** Rule modes, as written. */
    public static final Set<String> MODES = Set.of("enforce", "shadow");

    private Keywords() {}

    /** Where a clause keyword belongs, e.g. "a rule { } block", or null for other words. */
    public static String home(String word) {
        if (RULE.contains(word)) {
            return "a rule { } block or after missing, duplicate or conflict";
        } else if (STREAM.contains(word)) {
            return "a stream { } block";
        } else if (RECONCILE.contains(word)) {
            return "a reconcile { } block";
        }
        return TOP_LEVEL.contains(word) ? "the top level of a file, not inside a block" : null;
    }

    /** True when a word cannot name a stream or a map. */
    public static boolean isReserved(String word) {
        return EXPRESSION.contains(word) || TOP_LEVEL.contains(word) || RULE.contains(word);
    }
}
