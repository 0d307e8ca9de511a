package dev.recon.rules.expr;

import dev.recon.rules.expr.Nodes.LongNode;

import org.apache.avro.generic.IndexedRecord;

import java.util.List;

import static dev.recon.rules.expr.Nodes.longOf;
import static dev.recon.rules.expr.Nodes.stringOf;

/**
 * Exact integer nodes over money in minor units. Never floating point and never an exception: an
 * operand that is {@link LongExpr#NULL}, or a result outside {@code ±(2^63 - 1)}, gives NULL,
 * except {@code abs(x - y)}, which saturates at {@code 2^63 - 1}.
 */
public final class Arithmetic {
    private Arithmetic() {}

    /** An integer constant; {@link LongExpr#NULL} itself is not a valid constant. */
    public static LongExpr constant(long value) {
        if (value == LongExpr.NULL) {
            throw new IllegalArgumentException("the constant " + value + " is out of range");
        }
        return new Constant(value);
    }

    /** {@code a + b}, NULL on overflow. */
    public static LongExpr add(LongExpr a, LongExpr b) {
        return new Binary(a, Binary.ADD, b);
    }

    /** {@code a - b}, NULL on overflow. */
    public static LongExpr subtract(LongExpr a, LongExpr b) {
        return new Binary(a, Binary.SUBTRACT, b);
    }

    /** {@code a * b}, NULL on overflow. */
    public static LongExpr multiply(LongExpr a, LongExpr b) {
        return new Binary(a, Binary.MULTIPLY, b);
    }

    /** {@code -a}. */
    public static LongExpr negate(LongExpr a) {
        return new Negate(a);
    }

    /**
     * {@code |a|}. Of a difference, {@code abs(x - y)} saturates at 2^63 - 1 instead of giving NULL
     * when {@code x - y} overflows, so hostile amounts still yield the largest amount at risk.
     */
    public static LongExpr abs(LongExpr a) {
        if (a instanceof Binary d && d.op == Binary.SUBTRACT) {
            return Exprs.absDiff(d.a, d.b);
        }
        return new Abs(a);
    }

    /** Number of Unicode code points of a string, NULL for null. */
    public static LongExpr length(StringExpr s) {
        return new Length(s);
    }

    /** The first operand that is not NULL, NULL if all are. */
    public static LongExpr coalesce(List<LongExpr> operands) {
        return new Coalesce(operands.toArray(LongExpr[]::new));
    }

    /** A constant; parent nodes read {@link #value} inline ({@link Nodes#longOf}). */
    static final class Constant extends LongNode {
        final long value;

        Constant(long value) {
            super(Long.toString(value));
            this.value = value;
        }

        @Override
        public long eval(IndexedRecord l, IndexedRecord r) {
            return value;
        }
    }

    /**
     * {@code a + b}, {@code a - b} or {@code a * b} of two present values, NULL on overflow. A
     * result of exactly -2^63 is the NULL sentinel itself, so it reads as NULL too.
     */
    private static final class Binary extends LongNode {
        static final int ADD = 0;
        static final int SUBTRACT = 1;
        static final int MULTIPLY = 2;
        private static final String[] SYMBOLS = {"+", "-", "*"};

        private final LongExpr a;
        private final int op;
        private final LongExpr b;

        Binary(LongExpr a, int op, LongExpr b) {
            super("(" + a.describe() + " " + SYMBOLS[op] + " " + b.describe() + ")", a, b);
            this.a = a;
            this.op = op;
            this.b = b;
        }

        @Override
        public long eval(IndexedRecord l, IndexedRecord r) {
            long x = longOf(a, l, r);
            long y = longOf(b, l, r);
            if (x == NULL || y == NULL) {
                return NULL;
            }
            try {
                return switch (op) {
                    case ADD -> Math.addExact(x, y);
                    case SUBTRACT -> Math.subtractExact(x, y);
                    default -> Math.multiplyExact(x, y);
                };
            } catch (ArithmeticException overflow) {
                return NULL;
            }
        }
    }

    private static final class Negate extends LongNode {
        private final LongExpr a;

        Negate(LongExpr a) {
            super("-" + a.describe(), a);
            this.a = a;
        }

        @Override
        public long eval(IndexedRecord l, IndexedRecord r) {
            long x = longOf(a, l, r);
            return x == NULL ? NULL : -x;
        }
    }

    private static final class Abs extends LongNode {
        private final LongExpr a;

        Abs(LongExpr a) {
            super("abs(" + Nodes.unwrap(a.describe()) + ")", a);
            this.a = a;
        }

        @Override
        public long eval(IndexedRecord l, IndexedRecord r) {
            long x = longOf(a, l, r);
            return x == NULL ? NULL : Math.abs(x);
        }
    }

    private static final class Length extends LongNode {
        private final StringExpr s;

        Length(StringExpr s) {
            super("length(" + s.describe() + ")", s);
            this.s = s;
        }

        @Override
        public long eval(IndexedRecord l, IndexedRecord r) {
            String v = stringOf(s, l, r);
            return v == null ? NULL : v.codePointCount(0, v.length());
        }
    }

    /** The first operand that is not NULL; also {@link Exprs#coalesce(LongExpr, LongExpr)}. */
    static final class Coalesce extends LongNode {
        private final LongExpr[] ops;

        Coalesce(LongExpr[] ops) {
            super("coalesce(" + Strings.describeAll(ops) + ")", ops);
            this.ops = ops;
        }

        @Override
        public long eval(IndexedRecord l, IndexedRecord r) {
            for (LongExpr op : ops) {
                long v = longOf(op, l, r);
                if (v != NULL) {
                    return v;
                }
            }
            return NULL;
        }
    }
}
