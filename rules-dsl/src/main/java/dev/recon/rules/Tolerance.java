package dev.recon.rules;

import java.math.BigInteger;

/**
 * How far two amounts in minor units may differ: {@link #exact()}, {@link #absolute(long)} minor
 * units, or {@link #basisPoints(long)} of the left (expected) amount. Exact integer arithmetic,
 * never floating point.
 */
public abstract class Tolerance {
    private Tolerance() {}

    /** Amounts must be equal. */
    public static Tolerance exact() {
        return absolute(0);
    }

    /** |left - right| must be at most {@code minorUnits}. */
    public static Tolerance absolute(long minorUnits) {
        if (minorUnits < 0) {
            throw new IllegalArgumentException("tolerance must be >= 0, got " + minorUnits);
        }
        return new Tolerance() {
            @Override
            public boolean within(long expected, long actual) {
                long diff = actual - expected;
                if (((actual ^ expected) & (actual ^ diff)) < 0 || diff == Long.MIN_VALUE) {
                    return false; // overflow, or |diff| not representable: astronomically large
                }
                return Math.abs(diff) <= minorUnits;
            }

            @Override
            public String describe() {
                return minorUnits == 0 ? "exact" : "+/- " + minorUnits + " minor units";
            }
        };
    }

    /** |left - right| * 10000 must be at most {@code bps} * |left|. */
    public static Tolerance basisPoints(long bps) {
        if (bps < 0) {
            throw new IllegalArgumentException("tolerance must be >= 0 bps, got " + bps);
        }
        BigInteger b = BigInteger.valueOf(bps);
        BigInteger tenThousand = BigInteger.valueOf(10_000);
        return new Tolerance() {
            @Override
            public boolean within(long expected, long actual) {
                try {
                    long diff = Math.abs(Math.subtractExact(actual, expected));
                    long lhs = Math.multiplyExact(diff, 10_000L);
                    long rhs = Math.multiplyExact(Math.abs(expected), bps);
                    return lhs <= rhs;
                } catch (ArithmeticException overflow) {
                    return withinExact(expected, actual);
                }
            }

            private boolean withinExact(long expected, long actual) {
                BigInteger diff = BigInteger.valueOf(actual).subtract(BigInteger.valueOf(expected));
                BigInteger lhs = diff.abs().multiply(tenThousand);
                BigInteger rhs = BigInteger.valueOf(expected).abs().multiply(b);
                return lhs.compareTo(rhs) <= 0;
            }

            @Override
            public String describe() {
                return "+/- " + bps + " bps";
            }
        };
    }

    /** True when {@code actual} is within this tolerance of {@code expected}. */
    public abstract boolean within(long expected, long actual);

    /** Canonical text, e.g. {@code +/- 5 bps}. */
    public abstract String describe();
}
