package dev.recon.sources;

import java.time.Duration;

/**
 * The limits of the input contract: a record outside them is dead-lettered with a reason that names
 * the limit, never reconciled, and never allowed to crash, stall or exhaust the job.
 */
public final class RecordLimits {
    /**
     * Largest {@code amount_minor}: 10^15 minor units (10 trillion in a 2-decimal currency). It is
     * beyond any real payment, and it keeps rule arithmetic far from overflow: the sum, difference
     * or basis-point product (x 10,000) of two such amounts stays below 2^63.
     */
    public static final long MAX_AMOUNT_MINOR = 1_000_000_000_000_000L;

    /** Longest id, in characters: the key field and every field whose name ends in {@code _id}. */
    public static final int MAX_ID_LENGTH = 256;

    /** Longest other string field, in characters. */
    public static final int MAX_STRING_LENGTH = 4096;

    /** Earliest accepted {@code event_time}: 2000-01-01T00:00:00Z, epoch ms. */
    public static final long EARLIEST_EVENT_TIME = 946_684_800_000L;

    /**
     * Default of how far ahead of the clock an {@code event_time} may be. A record from the future
     * would push the watermark ahead and make on-time records of other producers look late, so it
     * must stay well below the job's allowed lateness (1 h by default).
     */
    public static final Duration DEFAULT_MAX_AHEAD = Duration.ofMinutes(5);

    /** Default largest Kafka value decoded: 1 MiB (Kafka's own default message size limit). */
    public static final int DEFAULT_MAX_RECORD_BYTES = 1 << 20;

    /** A dead letter keeps at most this many bytes of the payload (the reason says so). */
    public static final int MAX_PAYLOAD_BYTES_KEPT = 64 * 1024;

    private RecordLimits() {}
}
