package dev.recon.rules.expr;

import dev.recon.rules.Tolerance;
import dev.recon.rules.expr.Nodes.BoolNode;
import dev.recon.rules.expr.Nodes.LongNode;
import dev.recon.rules.expr.Nodes.StringNode;

import org.apache.avro.generic.IndexedRecord;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static dev.recon.rules.expr.Nodes.longOf;
import static dev.recon.rules.expr.Nodes.stringOf;

/**
 * Factories of compiled expression nodes. Each node is a small object built once at plan time;
 * evaluation does no lookups by name. Null semantics: a check with a missing operand is false (a
 * break), except {@link #equal} which treats two nulls as equal. More nodes: {@link Predicates},
 * {@link Arithmetic}, {@link Strings}.
 */
public final class Exprs {
    private Exprs() {}

    /** Always true; the default guard of a rule. */
    public static BoolExpr always() {
        return Predicates.constant(true);
    }

    /** Both amounts present and {@code actual} within {@code tolerance} of {@code expected}. */
    public static BoolExpr within(LongExpr expected, LongExpr actual, Tolerance tolerance) {
        return new Within(expected, actual, tolerance);
    }

    /** String equality; two nulls are equal, one null is not. */
    public static BoolExpr equal(StringExpr a, StringExpr b) {
        return new StringEquals(a, b, true);
    }

    /** Membership in a constant set; null is never a member. */
    public static BoolExpr in(StringExpr value, Set<String> set) {
        return new In(value, Set.copyOf(set));
    }

    /**
     * {@code to} is one of the values allowed for {@code from} in {@code allowed}; a {@code from}
     * value absent from the map allows nothing.
     */
    public static BoolExpr mapsTo(
            StringExpr from, StringExpr to, Map<String, Set<String>> allowed) {
        return new MapsTo(from, to, Map.copyOf(allowed));
    }

    /** Logical and, short-circuit. */
    public static BoolExpr and(BoolExpr a, BoolExpr b) {
        return new And(a, b);
    }

    /** Logical or, short-circuit. */
    public static BoolExpr or(BoolExpr a, BoolExpr b) {
        return new Or(a, b);
    }

    /** Logical not. */
    public static BoolExpr not(BoolExpr a) {
        return new Not(a);
    }

    /** |a - b|, or NULL when an operand is NULL; saturates instead of overflowing. */
    public static LongExpr absDiff(LongExpr a, LongExpr b) {
        return new AbsDiff(a, b);
    }

    /** The first operand that is not NULL. */
    public static LongExpr coalesce(LongExpr a, LongExpr b) {
        return new Arithmetic.Coalesce(new LongExpr[] {a, b});
    }

    /** A string constant. */
    public static StringExpr literal(String value) {
        return new Literal(value);
    }

    /** The first operand that is not null. */
    public static StringExpr coalesce(StringExpr a, StringExpr b) {
        return new Strings.Coalesce(new StringExpr[] {a, b});
    }

    private static String quoted(Set<String> set) {
        return new TreeSet<>(set).stream().map(Strings::quote).toList().toString();
    }

    private static String sorted(Map<String, Set<String>> map) {
        TreeMap<String, TreeSet<String>> sorted = new TreeMap<>();
        map.forEach((k, v) -> sorted.put(k, new TreeSet<>(v)));
        return sorted.toString();
    }

    /** A string constant; parent nodes read {@link #value} inline ({@link Nodes#stringOf}). */
    static final class Literal extends StringNode {
        final String value;

        Literal(String value) {
            super(Strings.quote(value));
            this.value = value;
        }

        @Override
        public String eval(IndexedRecord l, IndexedRecord r) {
            return value;
        }
    }

    private static final class Within extends BoolNode {
        private final LongExpr expected;
        private final LongExpr actual;
        private final Tolerance tolerance;

        Within(LongExpr expected, LongExpr actual, Tolerance tolerance) {
            super(
                    actual.describe()
                            + " within "
                            + tolerance.describe()
                            + " of "
                            + expected.describe(),
                    actual,
                    expected);
            this.expected = expected;
            this.actual = actual;
            this.tolerance = tolerance;
        }

        @Override
        public boolean test(IndexedRecord l, IndexedRecord r) {
            long e = longOf(expected, l, r);
            long a = longOf(actual, l, r);
            return e != LongExpr.NULL && a != LongExpr.NULL && tolerance.within(e, a);
        }
    }

    /**
     * {@code a == b} ({@code equal} true) or {@code a != b} (false) on strings: two nulls are
     * equal, one null is not.
     */
    static final class StringEquals extends BoolNode {
        private final StringExpr a;
        private final StringExpr b;
        private final boolean equal;

        StringEquals(StringExpr a, StringExpr b, boolean equal) {
            super(a.describe() + (equal ? " == " : " != ") + b.describe(), a, b);
            this.a = a;
            this.b = b;
            this.equal = equal;
        }

        @Override
        public boolean test(IndexedRecord l, IndexedRecord r) {
            String x = stringOf(a, l, r);
            String y = stringOf(b, l, r);
            return (x == null ? y == null : x.equals(y)) == equal;
        }
    }

    private static final class In extends BoolNode {
        private final StringExpr value;
        private final Set<String> set;

        In(StringExpr value, Set<String> copy) {
            super(value.describe() + " in " + quoted(copy), value);
            this.value = value;
            this.set = copy;
        }

        @Override
        public boolean test(IndexedRecord l, IndexedRecord r) {
            String v = stringOf(value, l, r);
            return v != null && set.contains(v);
        }
    }

    private static final class MapsTo extends BoolNode {
        private final StringExpr from;
        private final StringExpr to;
        private final Map<String, Set<String>> allowed;

        MapsTo(StringExpr from, StringExpr to, Map<String, Set<String>> copy) {
            super(
                    to.describe() + " allowed for " + from.describe() + " by " + sorted(copy),
                    to,
                    from);
            this.from = from;
            this.to = to;
            this.allowed = copy;
        }

        @Override
        public boolean test(IndexedRecord l, IndexedRecord r) {
            String f = stringOf(from, l, r);
            String t = stringOf(to, l, r);
            Set<String> ok = f == null ? null : allowed.get(f);
            return ok != null && t != null && ok.contains(t);
        }
    }

    private static final class And extends BoolNode {
        private final BoolExpr a;
        private final BoolExpr b;

        And(BoolExpr a, BoolExpr b) {
            super("(" + a.describe() + " and " + b.describe() + ")", a, b);
            this.a = a;
            this.b = b;
        }

        @Override
        public boolean test(IndexedRecord l, IndexedRecord r) {
            return a.test(l, r) && b.test(l, r);
        }
    }

    private static final class Or extends BoolNode {
        private final BoolExpr a;
        private final BoolExpr b;

        Or(BoolExpr a, BoolExpr b) {
            super("(" + a.describe() + " or " + b.describe() + ")", a, b);
            this.a = a;
            this.b = b;
        }

        @Override
        public boolean test(IndexedRecord l, IndexedRecord r) {
            return a.test(l, r) || b.test(l, r);
        }
    }

    private static final class Not extends BoolNode {
        private final BoolExpr a;

        Not(BoolExpr a) {
            super("not (" + Nodes.unwrap(a.describe()) + ")", a);
            this.a = a;
        }

        @Override
        public boolean test(IndexedRecord l, IndexedRecord r) {
            return !a.test(l, r);
        }
    }

    private static final class AbsDiff extends LongNode {
        private final LongExpr a;
        private final LongExpr b;

        AbsDiff(LongExpr a, LongExpr b) {
            super("abs(" + a.describe() + " - " + b.describe() + ")", a, b);
            this.a = a;
            this.b = b;
        }

        @Override
        public long eval(IndexedRecord l, IndexedRecord r) {
            long x = longOf(a, l, r);
            long y = longOf(b, l, r);
            if (x == NULL || y == NULL) {
                return NULL;
            }
            long d = x - y;
            boolean overflow = ((x ^ y) & (x ^ d)) < 0;
            return overflow ? Long.MAX_VALUE : Math.abs(d);
        }
    }
}
