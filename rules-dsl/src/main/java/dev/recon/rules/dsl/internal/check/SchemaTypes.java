package dev.recon.rules.dsl.internal.check;

import dev.recon.rules.expr.Fields;

import org.apache.avro.Schema;

/** Which Avro field types rules can read, and as what. */
final class SchemaTypes {
    private SchemaTypes() {}

    /** The type of a field, or null when rules cannot read it (see {@link #why}). */
    static Type of(Schema.Field field) {
        Schema s = Fields.nonNull(field.schema());
        return switch (s.getType()) {
            case LONG, INT -> Type.LONG;
            case STRING, ENUM -> Type.STRING;
            default -> null;
        };
    }

    /** True for a {@code ["null", T]} union. */
    static boolean nullable(Schema.Field field) {
        return field.schema().getType() == Schema.Type.UNION;
    }

    /** Why a field cannot be read, for a field whose {@link #of} is null. */
    static String why(String stream, Schema.Field field) {
        Schema s = Fields.nonNull(field.schema());
        String is = "field '" + field.name() + "' of " + stream + " is " + typeName(s);
        return switch (s.getType()) {
            case FLOAT, DOUBLE ->
                    is + ": floating point is not exact; money must be a long in" + " minor units";
            default ->
                    is
                            + ", which rules cannot read (they read long, int, string and enum"
                            + " fields)";
        };
    }

    private static String typeName(Schema s) {
        return s.getType() == Schema.Type.UNION
                ? "a union of several types"
                : s.getType().getName();
    }
}
