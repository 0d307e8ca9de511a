package dev.recon.rules;

import org.apache.avro.Schema;

import java.util.Objects;

/**
 * One input stream of a reconciliation: its name, Kafka topic, Avro schema, and which fields are
 * the join key, the record's own id (to tell duplicates from redeliveries) and its event time.
 */
public record StreamSpec(
        String name,
        String topic,
        Schema schema,
        String keyField,
        String idField,
        String eventTimeField) {

    /** Validates that the named fields exist in the schema. */
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
                + ")";
    }
}
