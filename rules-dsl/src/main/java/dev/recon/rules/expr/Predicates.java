package dev.recon.rules.expr;

import java.util.Set;
import java.util.TreeSet;

import static dev.recon.rules.expr.Nodes.bool;

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
        return bool(String.valueOf(value), (l, r) -> value);
    }

    /** Long equality; two NULLs are equal, one NULL is not. */
    public static BoolExpr equal(LongExpr a, LongExpr b) {
        return bool(
                a.describe() + " == " + b.describe(), (l, r) -> a.eval(l, r) == b.eval(l, r), a, b);
    }

    /** Long inequality: the negation of {@link #equal(LongExpr, LongExpr)}. */
    public static BoolExpr notEqual(LongExpr a, LongExpr b) {
        return bool(
                a.describe() + " != " + b.describe(), (l, r) -> a.eval(l, r) != b.eval(l, r), a, b);
    }

    /** String inequality: the negation of {@link Exprs#equal(StringExpr, StringExpr)}. */
    public static BoolExpr notEqual(StringExpr a, StringExpr b) {
        return bool(
                a.describe() + " != " + b.describe(),
                (l, r) -> !java.util.Objects.equals(a.eval(l, r), b.eval(l, r)),
                a,
                b);
    }

    /** Boolean equality. */
    public static BoolExpr equal(BoolExpr a, BoolExpr b) {
        return bool(
                "(" + Nodes.group(a.describe()) + " == " + Nodes.group(b.describe()) + ")",
                (l, r) -> a.test(l, r) == b.test(l, r),
                a,
                b);
    }

    /** {@code a op b}; false when either operand is NULL. */
    public static BoolExpr compare(LongExpr a, Comparison op, LongExpr b) {
        return bool(
                a.describe() + " " + op.symbol() + " " + b.describe(),
                (l, r) -> {
                    long x = a.eval(l, r);
                    long y = b.eval(l, r);
                    return x != LongExpr.NULL && y != LongExpr.NULL && op.holds(x, y);
                },
                a,
                b);
    }

    /** Membership in a constant set of longs; NULL is never a member. */
    public static BoolExpr in(LongExpr value, Set<Long> set) {
        Set<Long> copy = Set.copyOf(set);
        return bool(
                value.describe() + " in " + new TreeSet<>(copy),
                (l, r) -> {
                    long v = value.eval(l, r);
                    return v != LongExpr.NULL && copy.contains(v);
                },
                value);
    }

    /** True when the value is NULL (a null field or a missing side). */
    public static BoolExpr isNull(LongExpr value) {
        return bool(
                value.describe() + " is null", (l, r) -> value.eval(l, r) == LongExpr.NULL, value);
    }

    /** True when the value is null (a null field or a missing side). */
    public static BoolExpr isNull(StringExpr value) {
        return bool(value.describe() + " is null", (l, r) -> value.eval(l, r) == null, value);
    }

    /** True when the value is present. */
    public static BoolExpr isNotNull(LongExpr value) {
        return bool(
                value.describe() + " is not null",
                (l, r) -> value.eval(l, r) != LongExpr.NULL,
                value);
    }

    /** True when the value is present. */
    public static BoolExpr isNotNull(StringExpr value) {
        return bool(value.describe() + " is not null", (l, r) -> value.eval(l, r) != null, value);
    }

    /** {@code s} starts with {@code prefix}; false when either is null. */
    public static BoolExpr startsWith(StringExpr s, StringExpr prefix) {
        return bool(
                "starts_with(" + s.describe() + ", " + prefix.describe() + ")",
                (l, r) -> {
                    String v = s.eval(l, r);
                    String p = prefix.eval(l, r);
                    return v != null && p != null && v.startsWith(p);
                },
                s,
                prefix);
    }
}
