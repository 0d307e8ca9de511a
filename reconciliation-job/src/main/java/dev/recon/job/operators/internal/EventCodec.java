package dev.recon.job.operators.internal;

import dev.recon.model.avro.BillEvent;
import dev.recon.model.avro.PaymentEvent;

import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;

/**
 * {@link PaymentEvent} and {@link BillEvent} in the bytes Flink's {@code AvroSerializer} writes for
 * them, field by field in schema order. Not thread-safe (the scratch buffer of {@code bin}).
 */
final class EventCodec {
    private final FlinkAvroBinary bin;

    EventCodec(FlinkAvroBinary bin) {
        this.bin = bin;
    }

    void writePayment(PaymentEvent p, DataOutputView out) throws IOException {
        bin.writeString(out, p.getPaymentId());
        bin.writeString(out, p.getMerchantId());
        bin.writeString(out, p.getPayerAccount());
        out.writeLong(p.getAmountMinor());
        bin.writeString(out, p.getCurrency());
        bin.writeString(out, p.getStatus());
        out.writeLong(p.getEventTime());
        bin.writeString(out, p.getSourceSystem());
    }

    PaymentEvent readPayment(DataInputView in) throws IOException {
        PaymentEvent p = new PaymentEvent();
        p.setPaymentId(bin.readString(in));
        p.setMerchantId(bin.readString(in));
        p.setPayerAccount(bin.readString(in));
        p.setAmountMinor(in.readLong());
        p.setCurrency(bin.readString(in));
        p.setStatus(bin.readString(in));
        p.setEventTime(in.readLong());
        p.setSourceSystem(bin.readString(in));
        return p;
    }

    void writeBill(BillEvent b, DataOutputView out) throws IOException {
        bin.writeString(out, b.getBillId());
        bin.writeString(out, b.getPaymentId());
        bin.writeString(out, b.getMerchantId());
        out.writeLong(b.getAmountMinor());
        bin.writeString(out, b.getCurrency());
        bin.writeString(out, b.getStatus());
        out.writeLong(b.getEventTime());
        bin.writeString(out, b.getSourceSystem());
    }

    BillEvent readBill(DataInputView in) throws IOException {
        BillEvent b = new BillEvent();
        b.setBillId(bin.readString(in));
        b.setPaymentId(bin.readString(in));
        b.setMerchantId(bin.readString(in));
        b.setAmountMinor(in.readLong());
        b.setCurrency(bin.readString(in));
        b.setStatus(bin.readString(in));
        b.setEventTime(in.readLong());
        b.setSourceSystem(bin.readString(in));
        return b;
    }
}
