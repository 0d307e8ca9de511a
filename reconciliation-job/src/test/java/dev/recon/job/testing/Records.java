package dev.recon.job.testing;

import dev.recon.model.avro.BillEvent;
import dev.recon.model.avro.PaymentEvent;

/** Fixture factories for payments and bills. */
public final class Records {
    private Records() {}

    /** A succeeded USD payment of {@code amount} minor units. */
    public static PaymentEvent payment(String id, long amount) {
        return PaymentEvent.newBuilder()
                .setPaymentId(id)
                .setMerchantId("m-1")
                .setPayerAccount("acct-" + id)
                .setAmountMinor(amount)
                .setCurrency("USD")
                .setStatus("SUCCEEDED")
                .setEventTime(1_000L)
                .setSourceSystem("payment-core")
                .build();
    }

    /** A billed USD bill for the payment. */
    public static BillEvent bill(String billId, String paymentId, long amount) {
        return BillEvent.newBuilder()
                .setBillId(billId)
                .setPaymentId(paymentId)
                .setMerchantId("m-1")
                .setAmountMinor(amount)
                .setCurrency("USD")
                .setStatus("BILLED")
                .setEventTime(1_500L)
                .setSourceSystem("billing")
                .build();
    }
}
