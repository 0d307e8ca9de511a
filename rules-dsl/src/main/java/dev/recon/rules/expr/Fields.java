package dev.recon.rules.expr;

import dev.recon.rules.Side;

import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

import java.util.Arrays;
import java.util.List;

/**
 * Field accessors resolved once against an Avro schema: evaluation reads a record by position, with
 * no name lookup and no reflection per event. A long field of a generated Avro class is read
 * without boxing ({@link DirectLongs}).
 */
public final class Fields {
    private Fields() {}

    /** A long (money, time) field of one side; fails at plan time if absent or not a long. */
    public static LongExpr longField(Side side, Schema schema, String name) {
        int pos = position(schema, name, Schema.Type.LONG, Schema.Type.INT);
        return new LongField(new FieldRef(side, name, pos, "long"));
    }

    /** A string field of one side; fails at plan time if absent or not a string. */
    public static StringExpr stringField(Side side, Schema schema, String name) {
        int pos = position(schema, name, Schema.Type.STRING, Schema.Type.ENUM);
        return new StringField(new FieldRef(side, name, pos, "string"));
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

    /**
     * A long field; parent nodes read it inline through {@link #read} ({@link Nodes#longOf}). A
     * generated Avro class returns a long from {@code get(pos)} as a new {@code Long}; for such a
     * class the field is read directly instead, without allocating ({@link DirectLongs}, resolved
     * at the first record the node reads).
     */
    static final class LongField extends Nodes.LongNode {
        private final boolean left;
        private final int pos;
        private final String name;
        private DirectLongs direct; // null until the first record, then that record class's

        LongField(FieldRef ref) {
            super(ref.label(), List.of(ref));
            this.left = ref.side() == Side.LEFT;
            this.pos = ref.pos();
            this.name = ref.name();
        }

        @Override
        public long eval(IndexedRecord l, IndexedRecord r) {
            return read(l, r);
        }

        long read(IndexedRecord l, IndexedRecord r) {
            IndexedRecord rec = left ? l : r;
            if (rec == null) {
                return NULL;
            }
            DirectLongs d = direct;
            if (d != null && d.reads(rec)) {
                return d.read(rec);
            }
            return readByPosition(rec);
        }

        private long readByPosition(IndexedRecord rec) {
            if (direct == null) {
                direct = DirectLongs.of(rec, name, pos); // immutable: safe to publish racily
            }
            Object v = rec.get(pos);
            return v == null ? NULL : ((Number) v).longValue();
        }
    }

    /**
     * A string field; parent nodes read it inline through {@link #read} ({@link Nodes#stringOf}).
     */
    static final class StringField extends Nodes.StringNode {
        private final boolean left;
        private final int pos;

        StringField(FieldRef ref) {
            super(ref.label(), List.of(ref));
            this.left = ref.side() == Side.LEFT;
            this.pos = ref.pos();
        }

        @Override
        public String eval(IndexedRecord l, IndexedRecord r) {
            return read(l, r);
        }

        String read(IndexedRecord l, IndexedRecord r) {
            IndexedRecord rec = left ? l : r;
            if (rec == null) {
                return null;
            }
            Object v = rec.get(pos);
            return v == null ? null : v.toString();
        }
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
