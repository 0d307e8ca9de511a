package dev.recon.loadgen.internal;

import dev.recon.loadgen.RunInfo;
import dev.recon.model.avro.PaymentEvent;

import java.util.SplittableRandom;

/**
 * Realistic, seeded payment contents: a few hundred merchants (a few of them busy), a weighted mix
 * of currencies, log-uniform amounts, and mostly successful payments with some refunds and
 * failures. Ids derive from the run id and the event index.
 */
public final class EventFactory {
    static final String[] CURRENCIES = {
        "USD", "EUR", "GBP", "JPY", "CAD", "AUD", "CHF", "SEK", "SGD"
    };
    private static final int[] CURRENCY_WEIGHTS = {35, 25, 12, 8, 5, 5, 4, 3, 3};
    private static final int WEIGHT_SUM = 100;
    static final int MERCHANTS = 300;
    private static final double MAX_MAJOR_UNITS = 2_000;

    private final SplittableRandom rng;
    private final String paymentPrefix;
    private final String billPrefix;

    /** A factory for the given run; the same run seed gives the same contents. */
    public EventFactory(RunInfo run) {
        this.rng = new SplittableRandom(run.seed() ^ 0x9E3779B97F4A7C15L);
        this.paymentPrefix = run.paymentIdPrefix();
        this.billPrefix = run.billIdPrefix();
    }

    /** The random generator shared with {@link BillFactory}. */
    SplittableRandom random() {
        return rng;
    }

    /** Id of the payment of event {@code index}. */
    public String paymentId(long index) {
        return paymentPrefix + index;
    }

    /** Id of the (first) bill of event {@code index}. */
    public String billId(long index) {
        return billPrefix + index;
    }

    /** Id of the second bill of event {@code index}, for a double charge. */
    public String secondBillId(long index) {
        return billPrefix + index + "x2";
    }

    /** The payment of event {@code index}; its event time is set when it is sent. */
    public PaymentEvent payment(long index) {
        String currency = currency();
        return PaymentEvent.newBuilder()
                .setPaymentId(paymentId(index))
                .setMerchantId(String.format("m-%03d", merchant()))
                .setPayerAccount(String.format("acct-%010d", rng.nextLong(10_000_000_000L)))
                .setAmountMinor(amountMinor(currency))
                .setCurrency(currency)
                .setStatus(status())
                .setEventTime(0L)
                .setSourceSystem("payment-core")
                .build();
    }

    /** Skewed towards low numbers: a few merchants carry much of the traffic. */
    private int merchant() {
        double u = rng.nextDouble();
        return 1 + (int) (MERCHANTS * u * u);
    }

    private String currency() {
        int pick = rng.nextInt(WEIGHT_SUM);
        for (int i = 0; i < CURRENCIES.length; i++) {
            pick -= CURRENCY_WEIGHTS[i];
            if (pick < 0) {
                return CURRENCIES[i];
            }
        }
        return CURRENCIES[0];
    }

    private long amountMinor(String currency) {
        double major = Math.exp(rng.nextDouble() * Math.log(MAX_MAJOR_UNITS));
        double minor = "JPY".equals(currency) ? major * 150 : major * 100;
        return Math.max(1, Math.round(minor));
    }

    private String status() {
        int pick = rng.nextInt(100);
        return pick < 90 ? "SUCCEEDED" : pick < 96 ? "REFUNDED" : "FAILED";
    }
}
