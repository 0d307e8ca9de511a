package dev.recon.rules.expr;

import dev.recon.rules.expr.Nodes.BoolNode;

import org.apache.avro.generic.IndexedRecord;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import static dev.recon.rules.expr.Nodes.longOf;
import static dev.recon.rules.expr.Nodes.stringOf;

/**
 * Boolean nodes beyond {@link Exprs}: constants, comparisons of longs, null tests, long sets and
 * string prefixes. A comparison with a NULL operand is false; {@code ==} treats two NULLs as equal.
 */
public final class Predicates {
    private Predicates() {}

    /** An ordering comparison of two longs. */
    public enum Comparison {
        LT("<"),
        LE("<="),
        GT(">"),
        GE(">=");

        private final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }

        /** The operator as written, e.g. {@code <=}. */
        public String symbol() {
            return symbol;
        }

        boolean holds(long a, long b) {
            return switch (this) {
                case LT -> a < b;
                case LE -> a <= b;
                case GT -> a > b;
                case GE -> a >= b;
            };
        }
    }

    /** The constant {@code true} or {@code false}. */
    public static BoolExpr constant(boolean value) {
        return new Constant(value);
    }

    /** True when {@code e} is the constant {@code true} (a rule without a guard). */
    public static boolean isTrue(BoolExpr e) {
        return e instanceof Constant c && c.value;
    }

    /** Long equality; two NULLs are equal, one NULL is not. */
    public static BoolExpr equal(LongExpr a, LongExpr b) {
        return new LongEquals(a, b, true);
    }

    /** Long inequality: the negation of {@link #equal(LongExpr, LongExpr)}. */
    public static BoolExpr notEqual(LongExpr a, LongExpr b) {
        return new LongEquals(a, b, false);
    }

    /** String inequality: the negation of {@link Exprs#equal(StringExpr, StringExpr)}. */
    public static BoolExpr notEqual(StringExpr a, StringExpr b) {
        return new Exprs.StringEquals(a, b, false);
    }

    /** Boolean equality. */
    public static BoolExpr equal(BoolExpr a, BoolExpr b) {
        return new BoolEquals(a, b);
    }

    /** {@code a op b}; false when either operand is NULL. */
    public static BoolExpr compare(LongExpr a, Comparison op, LongExpr b) {
        return new Compare(a, op, b);
    }

    /** Membership in a constant set of longs; NULL is never a member. */
    public static BoolExpr in(LongExpr value, Set<Long> set) {
        return new LongIn(value, Set.copyOf(set));
    }

    /** True when the value is NULL (a null field or a missing side). */
    public static BoolExpr isNull(LongExpr value) {
        return new LongIsNull(value, true);
    }

    /** True when the value is null (a null field or a missing side). */
    public static BoolExpr isNull(StringExpr value) {
        return new StringIsNull(value, true);
    }

    /** True when the value is present. */
    public static BoolExpr isNotNull(LongExpr value) {
        return new LongIsNull(value, false);
    }

    /** True when the value is present. */
    public static BoolExpr isNotNull(StringExpr value) {
        return new StringIsNull(value, false);
    }

    /** {@code s} starts with {@code prefix}; false when either is null. */
    public static BoolExpr startsWith(StringExpr s, StringExpr prefix) {
        return new StartsWith(s, prefix);
    }

    private static final class Constant extends BoolNode {
        private final boolean value;

        Constant(boolean value) {
            super(String.valueOf(value));
            this.value = value;
        }

        @Override
        public boolean test(IndexedRecord l, IndexedRecord r) {
            return value;
        }
    }

    /** {@code a == b} ({@code equal} true) or {@code a != b} (false); NULL equals only NULL. */
    private static final class LongEquals extends BoolNode {
        private final LongExpr a;
        private final LongExpr b;
        private final boolean equal;

        LongEquals(LongExpr a, LongExpr b, boolean equal) {
            super(a.describe() + (equal ? " == " : " != ") + b.describe(), a, b);
            this.a = a;
            this.b = b;
            this.equal = equal;
        }

        @Override
        public boolean test(IndexedRecord l, IndexedRecord r) {
            return (longOf(a, l, r) == longOf(b, l, r)) == equal;
        }
    }

    private static final class BoolEquals extends BoolNode {
        private final BoolExpr a;
        private final BoolExpr b;

        BoolEquals(BoolExpr a, BoolExpr b) {
            super("(" + Nodes.group(a.describe()) + " == " + Nodes.group(b.describe()) + ")", a, b);
            this.a = a;
            this.b = b;
        }

        @Override
        public boolean test(IndexedRecord l, IndexedRecord r) {
            return a.test(l, r) == b.test(l, r);
        }
    }

    private static final class Compare extends BoolNode {
        private final LongExpr a;
        private final Comparison op;
        private final LongExpr b;

        Compare(LongExpr a, Comparison op, LongExpr b) {
            super(a.describe() + " " + op.symbol() + " " + b.describe(), a, b);
            this.a = a;
            this.op = op;
            this.b = b;
        }

        @Override
        public boolean test(IndexedRecord l, IndexedRecord r) {
            long x = longOf(a, l, r);
            long y = longOf(b, l, r);
            return x != LongExpr.NULL && y != LongExpr.NULL && op.holds(x, y);
        }
    }

    /** Membership in a sorted array: no boxing of the value per test. */
    private static final class LongIn extends BoolNode {
        private final LongExpr value;
        private final long[] sorted;

        LongIn(LongExpr value, Set<Long> copy) {
            super(value.describe() + " in " + new TreeSet<>(copy), value);
            this.value = value;
            this.sorted = copy.stream().mapToLong(Long::longValue).sorted().toArray();
        }

        @Override
        public boolean test(IndexedRecord l, IndexedRecord r) {
            long v = longOf(value, l, r);
            return v != LongExpr.NULL && Arrays.binarySearch(sorted, v) >= 0;
        }
    }

    /** {@code is null} ({@code isNull} true) or {@code is not null} (false) of a long. */
    private static final class LongIsNull extends BoolNode {
        private final LongExpr value;
        private final boolean isNull;

        LongIsNull(LongExpr value, boolean isNull) {
            super(value.describe() + (isNull ? " is null" : " is not null"), value);
            this.value = value;
            this.isNull = isNull;
        }

        @Override
        public boolean test(IndexedRecord l, IndexedRecord r) {
            return (longOf(value, l, r) == LongExpr.NULL) == isNull;
        }
    }

    /** {@code is null} ({@code isNull} true) or {@code is not null} (false) of a string. */
    private static final class StringIsNull extends BoolNode {
        private final StringExpr value;
        private final boolean isNull;

        StringIsNull(StringExpr value, boolean isNull) {
            super(value.describe() + (isNull ? " is null" : " is not null"), value);
            this.value = value;
            this.isNull = isNull;
        }

        @Override
        public boolean test(IndexedRecord l, IndexedRecord r) {
            return (stringOf(value, l, r) == null) == isNull;
        }
    }

    private static final class StartsWith extends BoolNode {
        private final StringExpr s;
        private final StringExpr prefix;

        StartsWith(StringExpr s, StringExpr prefix) {
            super("starts_with(" + s.describe() + ", " + prefix.describe() + ")", s, prefix);
            this.s = s;
            this.prefix = prefix;
        }

        @Override
        public boolean test(IndexedRecord l, IndexedRecord r) {
            String v = stringOf(s, l, r);
            String p = stringOf(prefix, l, r);
            return v != null && p != null && v.startsWith(p);
        }
    }
}
