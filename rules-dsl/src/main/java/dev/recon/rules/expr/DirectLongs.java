package dev.recon.rules.expr;

import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificRecordBase;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * Reads a primitive {@code long} field of a generated Avro class without boxing it.
 *
 * <p>{@code get(pos)} of a generated ({@code SpecificRecord}) class returns a long field as a new
 * {@code Long}: the JIT cannot remove that allocation, because {@code get} is a {@code switch} over
 * every field. The boxing dominated the cost of a compiled amount check (a 48-byte allocation and a
 * switch per pair, against a few loads hand-written), so a long field node reads the field itself:
 * the first record it sees resolves the field's offset in that record's class, and every record of
 * exactly that class is then read at that offset.
 *
 * <p>Resolved only when all of these hold, otherwise {@link #NONE} (the node keeps reading by
 * position): the record's class extends {@link SpecificRecordBase} (generated code), declares a
 * non-static field of the schema field's name and of type {@code long}, {@code sun.misc.Unsafe} is
 * available, and reading the field gives what {@code get(pos)} gives on that first record. A read
 * is only ever made on an instance of exactly the class the offset was resolved in.
 */
final class DirectLongs {
    private static final sun.misc.Unsafe UNSAFE = unsafe();

    /** No direct access: read by position. */
    static final DirectLongs NONE = new DirectLongs(null, -1);

    private final Class<?> type;
    private final long offset;

    private DirectLongs(Class<?> type, long offset) {
        this.type = type;
        this.offset = offset;
    }

    /** True when {@code rec} is of the class this access was resolved for. */
    boolean reads(IndexedRecord rec) {
        return rec.getClass() == type;
    }

    /** The field of a record for which {@link #reads} is true. */
    long read(IndexedRecord rec) {
        return UNSAFE.getLong(rec, offset);
    }

    /** Resolves the field {@code name} (position {@code pos}) of {@code sample}'s class. */
    static DirectLongs of(IndexedRecord sample, String name, int pos) {
        if (UNSAFE == null || !(sample instanceof SpecificRecordBase)) {
            return NONE;
        }
        Class<?> type = sample.getClass();
        try {
            Field f = type.getDeclaredField(name);
            if (f.getType() != long.class || Modifier.isStatic(f.getModifiers())) {
                return NONE;
            }
            long offset = UNSAFE.objectFieldOffset(f);
            Object expected = sample.get(pos);
            if (!(expected instanceof Long l) || l != UNSAFE.getLong(sample, offset)) {
                return NONE;
            }
            return new DirectLongs(type, offset);
        } catch (ReflectiveOperationException | RuntimeException notThere) {
            return NONE;
        }
    }

    private static sun.misc.Unsafe unsafe() {
        try {
            Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            return (sun.misc.Unsafe) f.get(null);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError unavailable) {
            return null;
        }
    }
}
