package dev.recon.benchmarks.e2e.internal;

/**
 * The ground truth of {@code n} generated pairs: pairs with both sides, breaks per default rule,
 * bills missing.
 */
public record Expected(
        long pairs, long matched, long amount, long currency, long status, long billMissing) {

    /** Counts the faults of pairs 0 to n-1. */
    public static Expected of(long n) {
        long[] c = new long[EventGen.Fault.values().length];
        for (long k = 0; k < n; k++) {
            c[EventGen.fault(k).ordinal()]++;
        }
        long missing = c[EventGen.Fault.BILL_MISSING.ordinal()];
        return new Expected(
                n,
                n - missing,
                c[EventGen.Fault.AMOUNT.ordinal()],
                c[EventGen.Fault.CURRENCY.ordinal()],
                c[EventGen.Fault.STATUS.ordinal()],
                missing);
    }

    /** Events in the run: every payment and every bill. */
    public long events() {
        return pairs + matched;
    }
}
