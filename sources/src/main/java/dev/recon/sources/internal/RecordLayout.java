package dev.recon.sources.internal;

import dev.recon.sources.RecordLimits;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;

import java.io.Serializable;
import java.util.List;

/**
 * Positions of the fields the source reads generically (event time, key, amount, currency, every
 * string field and its length limit), resolved once from a specific record class's schema.
 */
public final class RecordLayout implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Name of the event-time field every source record must have. */
    public static final String EVENT_TIME = "event_time";

    static final String AMOUNT = "amount_minor";
    static final String CURRENCY = "currency";

    final String recordName;
    final String keyField;
    final int eventTimePos;
    final int keyPos;
    final int amountPos;
    final int currencyPos;
    final int[] stringPos;
    final String[] stringNames;
    final int[] stringLimits;

    private RecordLayout(Schema schema, String keyField) {
        this.recordName = schema.getName();
        this.keyField = keyField;
        this.eventTimePos = require(schema, EVENT_TIME, Schema.Type.LONG, "for event time");
        this.keyPos =
                require(schema, keyField, Schema.Type.STRING, "for the key: setKeyField(...)");
        this.amountPos = optional(schema, AMOUNT, Schema.Type.LONG);
        this.currencyPos = optional(schema, CURRENCY, Schema.Type.STRING);
        List<Schema.Field> strings =
                schema.getFields().stream()
                        .filter(f -> f.schema().getType() == Schema.Type.STRING)
                        .toList();
        this.stringPos = strings.stream().mapToInt(Schema.Field::pos).toArray();
        this.stringNames = strings.stream().map(Schema.Field::name).toArray(String[]::new);
        this.stringLimits = strings.stream().mapToInt(f -> limitOf(f.name(), keyField)).toArray();
    }

    /** Ids (the key, {@code *_id}) are short; other strings get the general limit. */
    private static int limitOf(String field, String keyField) {
        return field.equals(keyField) || field.endsWith("_id")
                ? RecordLimits.MAX_ID_LENGTH
                : RecordLimits.MAX_STRING_LENGTH;
    }

    /**
     * Resolves the layout of a generated Avro class.
     *
     * @throws IllegalArgumentException naming the missing or mistyped field
     */
    public static RecordLayout of(Class<?> recordClass, String keyField) {
        return new RecordLayout(SpecificData.get().getSchema(recordClass), keyField);
    }

    /** Position of the {@code event_time} field. */
    public int eventTimePos() {
        return eventTimePos;
    }

    private static int require(Schema schema, String name, Schema.Type type, String purpose) {
        int pos = optional(schema, name, type);
        if (pos < 0) {
            throw new IllegalArgumentException(
                    schema.getName()
                            + " has no "
                            + type.getName()
                            + " field '"
                            + name
                            + "' "
                            + purpose);
        }
        return pos;
    }

    private static int optional(Schema schema, String name, Schema.Type type) {
        Schema.Field field = schema.getField(name);
        return field != null && field.schema().getType() == type ? field.pos() : -1;
    }
}
