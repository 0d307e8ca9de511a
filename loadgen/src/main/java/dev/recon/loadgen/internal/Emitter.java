package dev.recon.loadgen.internal;

import dev.recon.model.avro.BillEvent;
import dev.recon.model.avro.PaymentEvent;

import java.util.function.LongSupplier;

/** Stamps records with the wall clock at send, encodes them, sends them and counts them. */
final class Emitter {
    private final RecordSink sink;
    private final LongSupplier clock;
    private final AvroCodec codec = new AvroCodec();
    private long paymentsSent;
    private long billsSent;

    Emitter(RecordSink sink, LongSupplier clock) {
        this.sink = sink;
        this.clock = clock;
    }

    /** Sends the payment stamped with the current time; returns that time. */
    long payment(PaymentEvent template) {
        long now = clock.getAsLong();
        PaymentEvent p = PaymentEvent.newBuilder(template).setEventTime(now).build();
        sink.sendPayment(p.getPaymentId(), codec.encode(p));
        paymentsSent++;
        return now;
    }

    /** Sends the bill stamped with the current time; returns that time. */
    long bill(BillEvent template) {
        return bill(template, 1);
    }

    /** Sends the very same bill record (same bytes) twice; returns the send time. */
    long billTwice(BillEvent template) {
        return bill(template, 2);
    }

    private long bill(BillEvent template, int copies) {
        long now = clock.getAsLong();
        BillEvent b = BillEvent.newBuilder(template).setEventTime(now).build();
        byte[] bytes = codec.encode(b);
        for (int i = 0; i < copies; i++) {
            sink.sendBill(b.getPaymentId(), bytes);
        }
        billsSent += copies;
        return now;
    }

    long paymentsSent() {
        return paymentsSent;
    }

    long billsSent() {
        return billsSent;
    }
}
