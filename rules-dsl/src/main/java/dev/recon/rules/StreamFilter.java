package dev.recon.rules;

import dev.recon.rules.expr.BoolExpr;
import dev.recon.rules.expr.FieldRef;

import org.apache.avro.generic.IndexedRecord;

import java.util.Objects;

/**
 * The optional filter of a stream: a condition on one record of that stream; a record for which it
 * is not true (false, or a value it reads is missing) is not reconciled.
 *
 * @param condition the compiled condition; it reads fields of one side only, {@code side}
 * @param text the condition as written, for explain and versioning
 * @param side the side the condition reads: the record is evaluated in that slot of {@link
 *     BoolExpr#test}, the other slot is null
 */
public record StreamFilter(BoolExpr condition, String text, Side side) {

    /** Validates that the condition reads only {@code side}. */
    public StreamFilter {
        Objects.requireNonNull(condition, "filter condition");
        Objects.requireNonNull(text, "filter text");
        Objects.requireNonNull(side, "filter side");
        for (FieldRef f : condition.fields()) {
            if (f.side() != side) {
                throw new IllegalArgumentException(
                        "a stream filter sees only its own record, but '"
                                + text
                                + "' reads "
                                + f.label()
                                + " (the filter is on the "
                                + side.name().toLowerCase(java.util.Locale.ROOT)
                                + " side)");
            }
        }
    }

    /**
     * A filter whose side is the one its condition reads; a condition that reads no field (a
     * constant) is put on the left side, where it means the same.
     *
     * @throws IllegalArgumentException when the condition reads both sides
     */
    public static StreamFilter of(BoolExpr condition, String text) {
        Side side = Side.LEFT;
        for (FieldRef f : condition.fields()) {
            side = f.side();
            break;
        }
        return new StreamFilter(condition, text, side);
    }

    /** True when the condition holds for the record. */
    public boolean accepts(IndexedRecord record) {
        return side == Side.LEFT ? condition.test(record, null) : condition.test(null, record);
    }
}
