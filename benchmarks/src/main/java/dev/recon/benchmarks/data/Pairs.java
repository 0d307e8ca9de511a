package dev.recon.benchmarks.data;

import dev.recon.model.avro.BillEvent;
import dev.recon.model.avro.PaymentEvent;

import java.util.Random;

/**
 * Deterministic payment/bill pairs with a realistic, low break rate: most pairs agree; a few have
 * an amount off by a little (1 in 32) or a lot (1 in 64), another currency (1 in 128), an
 * inconsistent status (1 in 128) or another merchant (1 in 256). Payment ids are {@code p-<k>}.
 */
public final class Pairs {
    private static final String[] CURRENCIES = {"USD", "USD", "USD", "EUR", "EUR", "GBP", "JPY"};

    private final PaymentEvent[] payments;
    private final BillEvent[] bills;

    private Pairs(PaymentEvent[] payments, BillEvent[] bills) {
        this.payments = payments;
        this.bills = bills;
    }

    /** {@code n} pairs from {@code seed}, with faults; the same arguments give the same pairs. */
    public static Pairs generate(int n, long seed) {
        return generate(n, seed, true);
    }

    /**
     * {@code n} pairs from {@code seed}; without {@code faults} every pair agrees (no rule breaks,
     * no alerts: the cost of the rules alone).
     */
    public static Pairs generate(int n, long seed, boolean faults) {
        Random r = new Random(seed);
        PaymentEvent[] payments = new PaymentEvent[n];
        BillEvent[] bills = new BillEvent[n];
        long t0 = 1_700_000_000_000L;
        for (int k = 0; k < n; k++) {
            String currency = CURRENCIES[r.nextInt(CURRENCIES.length)];
            long amount = 100 + r.nextInt(faults ? 2_000_000 : 1_980_000);
            int s = r.nextInt(20);
            String status = s < 17 ? "SUCCEEDED" : s < 19 ? "REFUNDED" : "FAILED";
            String billStatus =
                    switch (status) {
                        case "SUCCEEDED" -> "BILLED";
                        case "REFUNDED" -> "REFUNDED";
                        default -> "REVERSED";
                    };
            String merchant = String.format("m-%04d", r.nextInt(500));
            long time = t0 + k * 10L;
            payments[k] =
                    new PaymentEvent(
                            "p-" + k,
                            merchant,
                            "acct-" + r.nextInt(100_000),
                            amount,
                            currency,
                            status,
                            time,
                            "payment-core");

            long billed = amount;
            int small = 1 + r.nextInt(3);
            int large = 1 + r.nextInt(1_000);
            if (faults && k % 32 == 5) {
                billed = amount + small;
            } else if (faults && k % 64 == 9) {
                billed = amount + amount / 100 + large;
            }
            boolean otherCurrency = faults && k % 128 == 17;
            String billCurrency =
                    otherCurrency ? (currency.equals("EUR") ? "USD" : "EUR") : currency;
            if (faults && k % 128 == 33) {
                billStatus = billStatus.equals("BILLED") ? "REVERSED" : "BILLED";
            }
            String billMerchant = faults && k % 256 == 65 ? "m-9999" : merchant;
            bills[k] =
                    new BillEvent(
                            "b-" + k,
                            "p-" + k,
                            billMerchant,
                            billed,
                            billCurrency,
                            billStatus,
                            time + r.nextInt(2_000),
                            "billing");
        }
        return new Pairs(payments, bills);
    }

    /** Number of pairs. */
    public int size() {
        return payments.length;
    }

    /** The payment (left) of pair {@code k}. */
    public PaymentEvent payment(int k) {
        return payments[k];
    }

    /** The bill (right) of pair {@code k}. */
    public BillEvent bill(int k) {
        return bills[k];
    }
}
