package dev.recon.rules.expr;

import dev.recon.rules.Side;

import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

import java.util.Arrays;
import java.util.List;

/**
 * Field accessors resolved once against an Avro schema: evaluation reads a record by position, with
 * no name lookup and no reflection per event.
 */
public final class Fields {
    private Fields() {}

    /** A long (money, time) field of one side; fails at plan time if absent or not a long. */
    public static LongExpr longField(Side side, Schema schema, String name) {
        int pos = position(schema, name, Schema.Type.LONG, Schema.Type.INT);
        List<FieldRef> ref = List.of(new FieldRef(side, name, pos, "long"));
        return new LongExpr() {
            @Override
            public long eval(IndexedRecord left, IndexedRecord right) {
                IndexedRecord r = side == Side.LEFT ? left : right;
                Object v = r == null ? null : r.get(pos);
                return v == null ? NULL : ((Number) v).longValue();
            }

            @Override
            public String describe() {
                return ref.get(0).label();
            }

            @Override
            public List<FieldRef> fields() {
                return ref;
            }
        };
    }

    /** A string field of one side; fails at plan time if absent or not a string. */
    public static StringExpr stringField(Side side, Schema schema, String name) {
        int pos = position(schema, name, Schema.Type.STRING, Schema.Type.ENUM);
        List<FieldRef> ref = List.of(new FieldRef(side, name, pos, "string"));
        return new StringExpr() {
            @Override
            public String eval(IndexedRecord left, IndexedRecord right) {
                IndexedRecord r = side == Side.LEFT ? left : right;
                Object v = r == null ? null : r.get(pos);
                return v == null ? null : v.toString();
            }

            @Override
            public String describe() {
                return ref.get(0).label();
            }

            @Override
            public List<FieldRef> fields() {
                return ref;
            }
        };
    }

    /** The schema of a value, with a {@code ["null", T]} union unwrapped to {@code T}. */
    public static Schema nonNull(Schema s) {
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
                        + Arrays.toString(accepted));
    }
}
