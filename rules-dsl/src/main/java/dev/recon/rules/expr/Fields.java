package dev.recon.rules.expr;

import dev.recon.rules.Side;

import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

import java.util.Locale;

/**
 * Field accessors resolved once against an Avro schema: evaluation reads a record by position, with
 * no name lookup and no reflection per event.
 */
public final class Fields {
    private Fields() {}

    /** A long (money, time) field of one side; fails at plan time if absent or not a long. */
    public static LongExpr longField(Side side, Schema schema, String name) {
        int pos = position(schema, name, Schema.Type.LONG, Schema.Type.INT);
        String text = label(side, name);
        return new LongExpr() {
            @Override
            public long eval(IndexedRecord left, IndexedRecord right) {
                IndexedRecord r = side == Side.LEFT ? left : right;
                Object v = r == null ? null : r.get(pos);
                return v == null ? NULL : ((Number) v).longValue();
            }

            @Override
            public String describe() {
                return text;
            }
        };
    }

    /** A string field of one side; fails at plan time if absent or not a string. */
    public static StringExpr stringField(Side side, Schema schema, String name) {
        int pos = position(schema, name, Schema.Type.STRING, Schema.Type.ENUM);
        String text = label(side, name);
        return new StringExpr() {
            @Override
            public String eval(IndexedRecord left, IndexedRecord right) {
                IndexedRecord r = side == Side.LEFT ? left : right;
                Object v = r == null ? null : r.get(pos);
                return v == null ? null : v.toString();
            }

            @Override
            public String describe() {
                return text;
            }
        };
    }

    private static String label(Side side, String name) {
        return side.name().toLowerCase(Locale.ROOT) + "." + name;
    }

    private static int position(Schema schema, String name, Schema.Type... accepted) {
        Schema.Field f = schema.getField(name);
        if (f == null) {
            throw new IllegalArgumentException(
                    "schema " + schema.getFullName() + " has no field '" + name + "'");
        }
        Schema.Type actual = nonNull(f.schema()).getType();
        for (Schema.Type t : accepted) {
            if (t == actual) {
                return f.pos();
            }
        }
        throw new IllegalArgumentException(
                "field '"
                        + name
                        + "' of "
                        + schema.getFullName()
                        + " is "
                        + actual
                        + ", expected one of "
                        + java.util.Arrays.toString(accepted));
    }

    private static Schema nonNull(Schema s) {
        if (s.getType() != Schema.Type.UNION) {
            return s;
        }
        for (Schema branch : s.getTypes()) {
            if (branch.getType() != Schema.Type.NULL) {
                return branch;
            }
        }
        return s;
    }
}
