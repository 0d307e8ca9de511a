package dev.recon.benchmarks.e2e.internal;

import dev.recon.model.avro.BillEvent;
import dev.recon.model.avro.PaymentEvent;

/**
 * Pair {@code k} of the end-to-end cases, computed from {@code k} alone so any subtask can make any
 * pair: an amount off in 1 pair of 32, another currency in 1 of 128, an inconsistent status in 1 of
 * 128, no bill at all in 1 of 256.
 */
public final class EventGen {
    private static final String[] CURRENCIES = {"USD", "USD", "USD", "EUR", "EUR", "GBP", "JPY"};
    private static final String[] STATUSES = {"SUCCEEDED", "REFUNDED", "FAILED"};
    private static final String[] BILL_STATUSES = {"BILLED", "REFUNDED", "REVERSED"};
    private static final long T0 = 1_700_000_000_000L;

    /** What pair {@code k} carries. */
    public enum Fault {
        NONE,
        AMOUNT,
        CURRENCY,
        STATUS,
        BILL_MISSING
    }

    private EventGen() {}

    /** The fault of pair {@code k}. */
    public static Fault fault(long k) {
        int f = (int) (mix(k) >>> 56); // 0..255
        if (f < 8) {
            return Fault.AMOUNT;
        } else if (f < 10) {
            return Fault.CURRENCY;
        } else if (f < 12) {
            return Fault.STATUS;
        } else if (f == 12) {
            return Fault.BILL_MISSING;
        }
        return Fault.NONE;
    }

    /** The payment of pair {@code k}. */
    public static PaymentEvent payment(long k) {
        long h = mix(k);
        return new PaymentEvent(
                "p-" + k,
                merchant(h),
                "acct-" + ((h >>> 8) & 0xFFFF),
                amount(h),
                CURRENCIES[(int) ((h >>> 24) & 0xFF) % CURRENCIES.length],
                STATUSES[status(h)],
                T0 + k,
                "payment-core");
    }

    /** The bill of pair {@code k}, or null when the pair has none. */
    public static BillEvent bill(long k) {
        long h = mix(k);
        Fault f = fault(k);
        if (f == Fault.BILL_MISSING) {
            return null;
        }
        String currency = CURRENCIES[(int) ((h >>> 24) & 0xFF) % CURRENCIES.length];
        int status = status(h);
        return new BillEvent(
                "b-" + k,
                "p-" + k,
                merchant(h),
                f == Fault.AMOUNT ? amount(h) + 1 + (h & 7) : amount(h),
                f == Fault.CURRENCY ? (currency.equals("EUR") ? "USD" : "EUR") : currency,
                BILL_STATUSES[f == Fault.STATUS ? (status + 1) % 3 : status],
                T0 + k + 1,
                "billing");
    }

    private static String merchant(long h) {
        return "m-" + ((h >>> 32) & 511);
    }

    private static long amount(long h) {
        return 100 + ((h >>> 16) & 0xFFFFF);
    }

    private static int status(long h) {
        int s = (int) ((h >>> 44) % 20);
        return s < 17 ? 0 : s < 19 ? 1 : 2;
    }

    private static long mix(long k) {
        long z = k * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E5L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
