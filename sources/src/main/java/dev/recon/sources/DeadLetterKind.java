package dev.recon.sources;

/**
 * Why a record was dead-lettered, as a bounded set: the {@code reason} label of the per-reason
 * dead-letter counter ({@link #label()}).
 */
public enum DeadLetterKind {
    /** The Kafka value was null (a tombstone). */
    NULL_VALUE,
    /** The Kafka value was larger than the source's limit; it was not decoded. */
    TOO_LARGE,
    /** Not a binary Avro record of the expected type. */
    UNDECODABLE,
    /** Decoded with bytes left over: probably another schema. */
    TRAILING_BYTES,
    /** A string field longer than {@link RecordLimits#MAX_ID_LENGTH} or its other limit. */
    STRING_TOO_LONG,
    /** The key field is empty or white space. */
    BLANK_KEY,
    /** {@code amount_minor} negative or above {@link RecordLimits#MAX_AMOUNT_MINOR}. */
    AMOUNT_OUT_OF_RANGE,
    /** {@code currency} is not an ISO 4217 code known to {@link java.util.Currency}. */
    UNKNOWN_CURRENCY,
    /** {@code event_time} before 2000 or too far ahead of the clock. */
    EVENT_TIME_OUT_OF_RANGE,
    /** A custom {@link RecordValidator} rejected the record (or threw). */
    INVALID_OTHER;

    /** Lower-case name, e.g. {@code amount_out_of_range}: the metric label. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
