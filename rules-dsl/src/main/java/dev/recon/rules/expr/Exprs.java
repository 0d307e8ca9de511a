package dev.recon.rules.expr;

import dev.recon.rules.Tolerance;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static dev.recon.rules.expr.Nodes.bool;
import static dev.recon.rules.expr.Nodes.longExpr;
import static dev.recon.rules.expr.Nodes.stringExpr;

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
        return bool("true", (l, r) -> true);
    }

    /** Both amounts present and {@code actual} within {@code tolerance} of {@code expected}. */
    public static BoolExpr within(LongExpr expected, LongExpr actual, Tolerance tolerance) {
        String text =
                actual.describe()
                        + " within "
                        + tolerance.describe()
                        + " of "
                        + expected.describe();
        return bool(
                text,
                (l, r) -> {
                    long e = expected.eval(l, r);
                    long a = actual.eval(l, r);
                    return e != LongExpr.NULL && a != LongExpr.NULL && tolerance.within(e, a);
                },
                actual,
                expected);
    }

    /** String equality; two nulls are equal, one null is not. */
    public static BoolExpr equal(StringExpr a, StringExpr b) {
        return bool(
                a.describe() + " == " + b.describe(),
                (l, r) -> Objects.equals(a.eval(l, r), b.eval(l, r)),
                a,
                b);
    }

    /** Membership in a constant set; null is never a member. */
    public static BoolExpr in(StringExpr value, Set<String> set) {
        Set<String> copy = Set.copyOf(set);
        return bool(
                value.describe() + " in " + quoted(copy),
                (l, r) -> {
                    String v = value.eval(l, r);
                    return v != null && copy.contains(v);
                },
                value);
    }

    /**
     * {@code to} is one of the values allowed for {@code from} in {@code allowed}; a {@code from}
     * value absent from the map allows nothing.
     */
    public static BoolExpr mapsTo(
            StringExpr from, StringExpr to, Map<String, Set<String>> allowed) {
        Map<String, Set<String>> copy = Map.copyOf(allowed);
        return bool(
                to.describe() + " allowed for " + from.describe() + " by " + sorted(copy),
                (l, r) -> {
                    String f = from.eval(l, r);
                    String t = to.eval(l, r);
                    Set<String> ok = f == null ? null : copy.get(f);
                    return ok != null && t != null && ok.contains(t);
                },
                to,
                from);
    }

    /** Logical and, short-circuit. */
    public static BoolExpr and(BoolExpr a, BoolExpr b) {
        return bool(
                "(" + a.describe() + " and " + b.describe() + ")",
                (l, r) -> a.test(l, r) && b.test(l, r),
                a,
                b);
    }

    /** Logical or, short-circuit. */
    public static BoolExpr or(BoolExpr a, BoolExpr b) {
        return bool(
                "(" + a.describe() + " or " + b.describe() + ")",
                (l, r) -> a.test(l, r) || b.test(l, r),
                a,
                b);
    }

    /** Logical not. */
    public static BoolExpr not(BoolExpr a) {
        return bool("not (" + Nodes.unwrap(a.describe()) + ")", (l, r) -> !a.test(l, r), a);
    }

    /** |a - b|, or NULL when an operand is NULL; saturates instead of overflowing. */
    public static LongExpr absDiff(LongExpr a, LongExpr b) {
        return longExpr(
                "abs(" + a.describe() + " - " + b.describe() + ")",
                (l, r) -> {
                    long x = a.eval(l, r);
                    long y = b.eval(l, r);
                    if (x == LongExpr.NULL || y == LongExpr.NULL) {
                        return LongExpr.NULL;
                    }
                    long d = x - y;
                    boolean overflow = ((x ^ y) & (x ^ d)) < 0;
                    return overflow ? Long.MAX_VALUE : Math.abs(d);
                },
                a,
                b);
    }

    /** The first operand that is not NULL. */
    public static LongExpr coalesce(LongExpr a, LongExpr b) {
        return longExpr(
                "coalesce(" + a.describe() + ", " + b.describe() + ")",
                (l, r) -> {
                    long x = a.eval(l, r);
                    return x != LongExpr.NULL ? x : b.eval(l, r);
                },
                a,
                b);
    }

    /** A string constant. */
    public static StringExpr literal(String value) {
        return stringExpr(Strings.quote(value), (l, r) -> value);
    }

    /** The first operand that is not null. */
    public static StringExpr coalesce(StringExpr a, StringExpr b) {
        return stringExpr(
                "coalesce(" + a.describe() + ", " + b.describe() + ")",
                (l, r) -> {
                    String x = a.eval(l, r);
                    return x != null ? x : b.eval(l, r);
                },
                a,
                b);
    }

    private static String quoted(Set<String> set) {
        return new TreeSet<>(set).stream().map(Strings::quote).toList().toString();
    }

    private static String sorted(Map<String, Set<String>> map) {
        TreeMap<String, TreeSet<String>> sorted = new TreeMap<>();
        map.forEach((k, v) -> sorted.put(k, new TreeSet<>(v)));
        return sorted.toString();
    }
}
