package dev.recon.sources.internal;

import dev.recon.sources.DeadLetterKind;
import dev.recon.sources.RecordLimits;

import org.apache.avro.generic.IndexedRecord;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * The built-in contract checks, by field position, in this order: every string field within its
 * length limit (only lengths are read, nothing is copied), the key not blank, {@code amount_minor}
 * in 0..10^15, {@code currency} a known ISO 4217 code, {@code event_time} from 2000 to at most
 * {@code maxAhead} past the clock. The amount and currency checks run when the schema has them.
 */
public final class FieldChecks implements Serializable {
    private static final long serialVersionUID = 1L;

    private final RecordLayout layout;
    private final long maxAheadMs;

    /** Checks records of the given layout; {@code maxAhead} bounds event times in the future. */
    public FieldChecks(RecordLayout layout, Duration maxAhead) {
        this.layout = layout;
        this.maxAheadMs = maxAhead.toMillis();
    }

    /** The first problem of {@code r} at wall-clock time {@code now}, or null when it is valid. */
    public Rejection problem(IndexedRecord r, long now) {
        Rejection p = lengths(r);
        if (p == null) {
            p = blankKey(r);
        }
        if (p == null) {
            p = amount(r);
        }
        if (p == null) {
            p = currency(r);
        }
        return p != null ? p : eventTime(r, now);
    }

    private Rejection blankKey(IndexedRecord r) {
        Object key = r.get(layout.keyPos);
        if (key == null || key.toString().isBlank()) {
            return reject(DeadLetterKind.BLANK_KEY, layout.keyField + " is blank");
        }
        return null;
    }

    private Rejection lengths(IndexedRecord r) {
        for (int i = 0; i < layout.stringPos.length; i++) {
            Object v = r.get(layout.stringPos[i]);
            int length = v instanceof CharSequence cs ? cs.length() : 0;
            if (length > layout.stringLimits[i]) {
                return reject(
                        DeadLetterKind.STRING_TOO_LONG,
                        String.format(
                                "%s is %d characters long, more than the %d allowed",
                                layout.stringNames[i], length, layout.stringLimits[i]));
            }
        }
        return null;
    }

    private Rejection amount(IndexedRecord r) {
        if (layout.amountPos < 0) {
            return null;
        }
        long amount = (Long) r.get(layout.amountPos);
        if (amount < 0) {
            return reject(
                    DeadLetterKind.AMOUNT_OUT_OF_RANGE,
                    RecordLayout.AMOUNT + " is negative (" + amount + ")");
        }
        if (amount > RecordLimits.MAX_AMOUNT_MINOR) {
            return reject(
                    DeadLetterKind.AMOUNT_OUT_OF_RANGE,
                    RecordLayout.AMOUNT
                            + " is "
                            + amount
                            + ", above the limit of 10^15 minor units (beyond any real"
                            + " payment, and unsafe for rule arithmetic)");
        }
        return null;
    }

    private Rejection currency(IndexedRecord r) {
        if (layout.currencyPos < 0) {
            return null;
        }
        Object c = r.get(layout.currencyPos);
        String code = c == null ? null : c.toString();
        if (Currencies.isKnown(code)) {
            return null;
        }
        return reject(
                DeadLetterKind.UNKNOWN_CURRENCY,
                RecordLayout.CURRENCY
                        + " '"
                        + Reasons.quote(code, 16)
                        + "' is not a known ISO 4217 code (upper case, e.g. USD, EUR, JPY)");
    }

    private Rejection eventTime(IndexedRecord r, long now) {
        long t = (Long) r.get(layout.eventTimePos);
        if (t < RecordLimits.EARLIEST_EVENT_TIME) {
            return reject(
                    DeadLetterKind.EVENT_TIME_OUT_OF_RANGE,
                    RecordLayout.EVENT_TIME
                            + " "
                            + t
                            + " ("
                            + Reasons.instant(t)
                            + ") is before 2000-01-01; it must be epoch milliseconds UTC");
        }
        if (t - now > maxAheadMs) {
            return reject(
                    DeadLetterKind.EVENT_TIME_OUT_OF_RANGE,
                    String.format(
                            "%s %d (%s) is more than %s ahead of the clock (%s); check the"
                                    + " producer's clock",
                            RecordLayout.EVENT_TIME,
                            t,
                            Reasons.instant(t),
                            Duration.ofMillis(maxAheadMs),
                            Instant.ofEpochMilli(now)));
        }
        return null;
    }

    private static Rejection reject(DeadLetterKind kind, String detail) {
        return new Rejection(kind, detail);
    }
}
