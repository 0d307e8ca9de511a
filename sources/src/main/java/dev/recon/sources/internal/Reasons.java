package dev.recon.sources.internal;

import java.time.Instant;

/** Helpers that keep hostile values out of reason texts: bounded quotes, safe instants. */
final class Reasons {
    private Reasons() {}

    /** At most {@code max} characters of {@code s}, with "..." when cut; "null" for null. */
    static String quote(String s, int max) {
        if (s == null) {
            return "null";
        }
        return s.length() <= max ? s : s.substring(0, max) + "...";
    }

    /** ISO-8601 text of an epoch-ms time, or "out of range" where Instant cannot show it. */
    static String instant(long epochMs) {
        try {
            return Instant.ofEpochMilli(epochMs).toString();
        } catch (RuntimeException e) {
            return "out of range";
        }
    }
}
