package dev.recon.rules;

import dev.recon.rules.expr.BoolExpr;
import dev.recon.rules.expr.FieldRef;

import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

import java.util.Objects;

/**
 * One input stream of a reconciliation: its name, Kafka topic, Avro schema, which fields are the
 * join key, the record's own id (to tell duplicates from redeliveries) and its event time, and an
 * optional filter: records it does not accept are not reconciled.
 *
 * @param filter null when the stream has none (every record is reconciled)
 */
public record StreamSpec(
        String name,
        String topic,
        Schema schema,
        String keyField,
        String idField,
        String eventTimeField,
        StreamFilter filter) {

    /** Validates that the named fields, and the fields the filter reads, exist in the schema. */
    public StreamSpec {
        Objects.requireNonNull(name, "stream name");
        Objects.requireNonNull(topic, "topic of stream " + name);
        Objects.requireNonNull(schema, "schema of stream " + name);
        for (String f : new String[] {keyField, idField, eventTimeField}) {
            if (f == null || schema.getField(f) == null) {
                throw new IllegalArgumentException(
                        "stream "
                                + name
                                + ": schema "
                                + schema.getFullName()
                                + " has no field '"
                                + f
                                + "'");
            }
        }
        if (filter != null) {
            for (FieldRef f : filter.condition().fields()) {
                Schema.Field field = schema.getField(f.name());
                if (field == null || field.pos() != f.pos()) {
                    throw new IllegalArgumentException(
                            "stream "
                                    + name
                                    + ": the filter reads "
                                    + f
                                    + ", which is not a field of schema "
                                    + schema.getFullName());
                }
            }
        }
    }

    /** A stream without a filter. */
    public StreamSpec(
            String name,
            String topic,
            Schema schema,
            String keyField,
            String idField,
            String eventTimeField) {
        this(name, topic, schema, keyField, idField, eventTimeField, null);
    }

    /**
     * This stream with a filter: {@code condition} reads fields of this stream on one side (left or
     * right, as the stream is in its reconciliation); {@code text} is the condition as written.
     */
    public StreamSpec withFilter(BoolExpr condition, String text) {
        return new StreamSpec(
                name,
                topic,
                schema,
                keyField,
                idField,
                eventTimeField,
                StreamFilter.of(condition, text));
    }

    /**
     * True when the record is to be reconciled: there is no filter, or the filter's condition is
     * true for it (false, or a missing value it reads, means the record is skipped).
     */
    public boolean accepts(IndexedRecord record) {
        return filter == null || filter.accepts(record);
    }

    /** Canonical text for explain and versioning. */
    public String describe() {
        return name
                + " (topic "
                + topic
                + ", schema "
                + schema.getFullName()
                + ", key "
                + keyField
                + ", id "
                + idField
                + ", event time "
                + eventTimeField
                + (filter == null
                        ? ""
                        : ", filter " + filter.text() + " [" + filter.condition().describe() + "]")
                + ")";
    }
}
