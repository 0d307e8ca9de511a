package dev.recon.sources.internal;

import dev.recon.sources.RecordValidator;

import org.apache.avro.generic.IndexedRecord;

import java.util.regex.Pattern;

/**
 * The built-in semantic checks, by field position: the key is not blank, {@code amount_minor} (when
 * the schema has it) is not negative, {@code currency} (when present) is three upper-case letters.
 */
public final class FieldChecks<T extends IndexedRecord> implements RecordValidator<T> {
    private static final long serialVersionUID = 1L;
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private final RecordLayout layout;

    /** Checks records of the given layout. */
    public FieldChecks(RecordLayout layout) {
        this.layout = layout;
    }

    @Override
    public String problem(T record) {
        Object key = record.get(layout.keyPos);
        if (key == null || key.toString().isBlank()) {
            return layout.keyField + " is blank";
        }
        if (layout.amountPos >= 0) {
            long amount = (Long) record.get(layout.amountPos);
            if (amount < 0) {
                return RecordLayout.AMOUNT + " is negative (" + amount + ")";
            }
        }
        if (layout.currencyPos >= 0) {
            Object currency = record.get(layout.currencyPos);
            if (currency == null || !CURRENCY.matcher(currency.toString()).matches()) {
                return RecordLayout.CURRENCY
                        + " '"
                        + currency
                        + "' is not 3 upper-case letters (ISO 4217)";
            }
        }
        return null;
    }
}
