package dev.recon.loadgen.internal;

import dev.recon.model.avro.BillEvent;
import dev.recon.model.avro.PaymentEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Bills that settle a payment, and the altered copies that the pair rules must catch. */
public final class BillFactory {
    private static final List<String> BILL_STATUSES = List.of("BILLED", "REFUNDED", "REVERSED");

    private final SplittableRandom rng;

    /** Bills drawing their randomness from the event factory's seeded generator. */
    public BillFactory(EventFactory events) {
        this.rng = events.random();
    }

    /** The bill status that corresponds to a payment status. */
    public static String billStatusFor(String paymentStatus) {
        return switch (paymentStatus) {
            case "SUCCEEDED" -> "BILLED";
            case "REFUNDED" -> "REFUNDED";
            case "FAILED" -> "REVERSED";
            default -> throw new IllegalArgumentException("unknown status " + paymentStatus);
        };
    }

    /** The bill that exactly settles the payment; its event time is set when it is sent. */
    public BillEvent matching(PaymentEvent p, String billId) {
        return BillEvent.newBuilder()
                .setBillId(billId)
                .setPaymentId(p.getPaymentId())
                .setMerchantId(p.getMerchantId())
                .setAmountMinor(p.getAmountMinor())
                .setCurrency(p.getCurrency())
                .setStatus(billStatusFor(p.getStatus()))
                .setEventTime(0L)
                .setSourceSystem("billing")
                .build();
    }

    /** A copy billing a different amount (up to 5% off, at least one minor unit, never < 0). */
    public BillEvent withOtherAmount(BillEvent b) {
        long amount = b.getAmountMinor();
        long delta = 1 + rng.nextLong(Math.max(1, amount / 20));
        boolean down = rng.nextBoolean() && amount - delta >= 0;
        return BillEvent.newBuilder(b)
                .setAmountMinor(down ? amount - delta : amount + delta)
                .build();
    }

    /** A copy in another currency, same amount. */
    public BillEvent withOtherCurrency(BillEvent b) {
        List<String> others = new ArrayList<>(List.of(EventFactory.CURRENCIES));
        others.remove(b.getCurrency());
        return BillEvent.newBuilder(b).setCurrency(others.get(rng.nextInt(others.size()))).build();
    }

    /** A copy whose status does not correspond to the payment's. */
    public BillEvent withWrongStatus(BillEvent b) {
        List<String> others = new ArrayList<>(BILL_STATUSES);
        others.remove(b.getStatus());
        return BillEvent.newBuilder(b).setStatus(others.get(rng.nextInt(others.size()))).build();
    }

    /** A copy with another bill id, same content: a double charge. */
    public BillEvent withBillId(BillEvent b, String billId) {
        return BillEvent.newBuilder(b).setBillId(billId).build();
    }
}
