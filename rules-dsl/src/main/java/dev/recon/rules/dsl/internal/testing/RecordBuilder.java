package dev.recon.rules.dsl.internal.testing;

import dev.recon.rules.dsl.internal.source.Suggestions;
import dev.recon.rules.expr.Fields;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

import java.util.Iterator;
import java.util.List;

/**
 * Builds an Avro record from a JSON object with the stream's schema: fields left out take their
 * default, unknown fields and wrong types are errors naming the field.
 */
final class RecordBuilder {
    private RecordBuilder() {}

    /** The record; throws IllegalArgumentException with a message naming the field. */
    static GenericRecord build(Schema schema, JsonNode json) {
        if (!json.isObject()) {
            throw new IllegalArgumentException("a record must be a JSON object, found " + json);
        }
        List<String> names = schema.getFields().stream().map(Schema.Field::name).toList();
        for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (schema.getField(name) == null) {
                throw new IllegalArgumentException(
                        "unknown field '"
                                + name
                                + "' in "
                                + schema.getName()
                                + Suggestions.didYouMean(name, names));
            }
        }
        GenericData.Record record = new GenericData.Record(schema);
        for (Schema.Field f : schema.getFields()) {
            record.put(f.pos(), value(schema, f, json.get(f.name())));
        }
        return record;
    }

    private static Object value(Schema schema, Schema.Field f, JsonNode v) {
        if (v == null) {
            if (!f.hasDefaultValue()) {
                throw new IllegalArgumentException(
                        "missing field '"
                                + f.name()
                                + "': "
                                + schema.getName()
                                + " has no default for it");
            }
            return GenericData.get().getDefaultValue(f);
        }
        if (v.isNull()) {
            if (f.schema().getType() != Schema.Type.UNION) {
                throw new IllegalArgumentException("field '" + f.name() + "' cannot be null");
            }
            return null;
        }
        return convert(f.name(), Fields.nonNull(f.schema()), v);
    }

    private static Object convert(String name, Schema s, JsonNode v) {
        boolean integral = v.isIntegralNumber();
        return switch (s.getType()) {
            case LONG ->
                    require(name, v, integral && v.canConvertToLong(), "an integer").longValue();
            case INT -> require(name, v, integral && v.canConvertToInt(), "an int").intValue();
            case STRING -> require(name, v, v.isTextual(), "a string").textValue();
            case ENUM ->
                    new GenericData.EnumSymbol(
                            s,
                            require(
                                            name,
                                            v,
                                            v.isTextual() && s.hasEnumSymbol(v.textValue()),
                                            "one of " + s.getEnumSymbols())
                                    .textValue());
            case BOOLEAN -> require(name, v, v.isBoolean(), "true or false").booleanValue();
            case DOUBLE -> require(name, v, v.isNumber(), "a number").doubleValue();
            case FLOAT -> require(name, v, v.isNumber(), "a number").floatValue();
            default ->
                    throw new IllegalArgumentException(
                            "field '%s' is %s, which test cases"
                                            .formatted(name, s.getType().getName())
                                    + " cannot set");
        };
    }

    private static JsonNode require(String name, JsonNode v, boolean ok, String what) {
        if (!ok) {
            throw new IllegalArgumentException(
                    "field '" + name + "' must be " + what + ", found " + v);
        }
        return v;
    }
}
