package dev.recon.loadgen;

import dev.recon.loadgen.internal.AvroCodec;
import dev.recon.model.avro.BillEvent;
import dev.recon.model.avro.PaymentEvent;

/** One record as written to a topic (test helper). */
public record Sent(String key, byte[] value) {

    /** The value decoded as a payment. */
    public PaymentEvent payment() {
        return AvroCodec.decodePayment(value);
    }

    /** The value decoded as a bill. */
    public BillEvent bill() {
        return AvroCodec.decodeBill(value);
    }
}
