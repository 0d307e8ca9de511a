package dev.recon.sources;

/**
 * Stable prefixes of {@code DeadLetter.reason}: every reason is {@code PREFIX + ": " + detail}, so
 * dashboards and tooling can group dead letters by kind.
 */
public final class DeadLetterReasons {
    /** The Kafka record had no value (a tombstone). */
    public static final String NULL_VALUE = "null value";

    /** The value is larger than the source's limit and was not decoded. */
    public static final String TOO_LARGE = "too large";

    /** The value is not a binary Avro record of the expected type (garbage, truncated). */
    public static final String UNDECODABLE = "undecodable";

    /** The value decoded but bytes were left over: most likely a record of another schema. */
    public static final String TRAILING_BYTES = "trailing bytes";

    /**
     * The record decoded but breaks a semantic rule (amount out of range, unknown currency, blank
     * key, string too long, event time out of range, a custom validator).
     */
    public static final String INVALID = "invalid";

    private DeadLetterReasons() {}
}
