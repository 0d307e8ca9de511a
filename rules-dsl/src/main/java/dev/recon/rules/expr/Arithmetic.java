package dev.recon.rules.expr;

import java.util.List;

import static dev.recon.rules.expr.Nodes.longExpr;

/**
 * Exact integer nodes over money in minor units. Never floating point: an operand that is {@link
 * LongExpr#NULL}, or a result outside {@code ±(2^63 - 1)}, gives NULL.
 */
public final class Arithmetic {
    private Arithmetic() {}

    /** An integer constant; {@link LongExpr#NULL} itself is not a valid constant. */
    public static LongExpr constant(long value) {
        if (value == LongExpr.NULL) {
            throw new IllegalArgumentException("the constant " + value + " is out of range");
        }
        return longExpr(Long.toString(value), (l, r) -> value);
    }

    /** {@code a + b}, NULL on overflow. */
    public static LongExpr add(LongExpr a, LongExpr b) {
        return binary(a, "+", b, Math::addExact);
    }

    /** {@code a - b}, NULL on overflow. */
    public static LongExpr subtract(LongExpr a, LongExpr b) {
        return binary(a, "-", b, Math::subtractExact);
    }

    /** {@code a * b}, NULL on overflow. */
    public static LongExpr multiply(LongExpr a, LongExpr b) {
        return binary(a, "*", b, Math::multiplyExact);
    }

    /** {@code -a}. */
    public static LongExpr negate(LongExpr a) {
        return longExpr(
                "-" + a.describe(),
                (l, r) -> {
                    long x = a.eval(l, r);
                    return x == LongExpr.NULL ? LongExpr.NULL : -x;
                },
                a);
    }

    /** {@code |a|}. */
    public static LongExpr abs(LongExpr a) {
        return longExpr(
                "abs(" + Nodes.unwrap(a.describe()) + ")",
                (l, r) -> {
                    long x = a.eval(l, r);
                    return x == LongExpr.NULL ? LongExpr.NULL : Math.abs(x);
                },
                a);
    }

    /** Number of Unicode code points of a string, NULL for null. */
    public static LongExpr length(StringExpr s) {
        return longExpr(
                "length(" + s.describe() + ")",
                (l, r) -> {
                    String v = s.eval(l, r);
                    return v == null ? LongExpr.NULL : v.codePointCount(0, v.length());
                },
                s);
    }

    /** The first operand that is not NULL, NULL if all are. */
    public static LongExpr coalesce(List<LongExpr> operands) {
        LongExpr[] ops = operands.toArray(LongExpr[]::new);
        return longExpr(
                "coalesce(" + Strings.describeAll(ops) + ")",
                (l, r) -> {
                    for (LongExpr op : ops) {
                        long v = op.eval(l, r);
                        if (v != LongExpr.NULL) {
                            return v;
                        }
                    }
                    return LongExpr.NULL;
                },
                ops);
    }

    /**
     * Body of a binary operator on two present values; throws ArithmeticException on overflow. A
     * result of exactly -2^63 is the NULL sentinel itself, so it reads as NULL too.
     */
    private interface Op {
        long apply(long x, long y);
    }

    private static LongExpr binary(LongExpr a, String symbol, LongExpr b, Op op) {
        return longExpr(
                "(" + a.describe() + " " + symbol + " " + b.describe() + ")",
                (l, r) -> {
                    long x = a.eval(l, r);
                    long y = b.eval(l, r);
                    if (x == LongExpr.NULL || y == LongExpr.NULL) {
                        return LongExpr.NULL;
                    }
                    try {
                        return op.apply(x, y);
                    } catch (ArithmeticException overflow) {
                        return LongExpr.NULL;
                    }
                },
                a,
                b);
    }
}
