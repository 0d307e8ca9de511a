package dev.recon.job.operators.internal;

import dev.recon.model.avro.MatchPhase;
import dev.recon.model.avro.MatchState;
import dev.recon.model.avro.SeenBill;

import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link MatchState} in the bytes Flink's {@code AvroSerializer} writes for it, field by field in
 * schema order, by hand: no schema walk, no resolver, no reflection. Not thread-safe (a scratch
 * buffer).
 */
final class MatchStateCodec {
    private static final MatchPhase[] PHASES = MatchPhase.values();
    private final FlinkAvroBinary bin = new FlinkAvroBinary();
    private final EventCodec events = new EventCodec(bin);

    void write(MatchState s, DataOutputView out) throws IOException {
        out.writeInt(s.getPhase().ordinal());
        out.writeInt(s.getPayment() == null ? 0 : 1);
        if (s.getPayment() != null) {
            events.writePayment(s.getPayment(), out);
        }
        out.writeInt(s.getBill() == null ? 0 : 1);
        if (s.getBill() != null) {
            events.writeBill(s.getBill(), out);
        }
        List<SeenBill> seen = s.getSeenBills();
        if (!seen.isEmpty()) {
            FlinkAvroBinary.writeCount(out, seen.size());
            for (SeenBill b : seen) {
                bin.writeString(out, b.getBillId());
                out.writeLong(b.getFingerprint());
            }
        }
        out.write(0);
        out.writeLong(s.getPaymentFingerprint());
        bin.writeNullableString(out, s.getMerchantId());
        bin.writeNullableString(out, s.getCurrency());
        out.writeLong(s.getAmountMinor());
        out.writeLong(s.getTimer());
        out.writeLong(s.getDueAt());
        out.writeLong(s.getForgetAt());
    }

    MatchState read(DataInputView in) throws IOException {
        MatchState s = new MatchState();
        int phase = in.readInt();
        if (phase < 0 || phase >= PHASES.length) {
            throw new IOException("corrupt state: match phase " + phase);
        }
        s.setPhase(PHASES[phase]);
        s.setPayment(FlinkAvroBinary.unionIndex(in, 2) == 0 ? null : events.readPayment(in));
        s.setBill(FlinkAvroBinary.unionIndex(in, 2) == 0 ? null : events.readBill(in));
        s.setSeenBills(readSeenBills(in));
        s.setPaymentFingerprint(in.readLong());
        s.setMerchantId(bin.readNullableString(in));
        s.setCurrency(bin.readNullableString(in));
        s.setAmountMinor(in.readLong());
        s.setTimer(in.readLong());
        s.setDueAt(in.readLong());
        s.setForgetAt(in.readLong());
        return s;
    }

    private List<SeenBill> readSeenBills(DataInputView in) throws IOException {
        List<SeenBill> seen = new ArrayList<>(2);
        for (long n = FlinkAvroBinary.readCount(in); n != 0; n = FlinkAvroBinary.readCount(in)) {
            for (long i = 0; i < n; i++) {
                SeenBill b = new SeenBill();
                b.setBillId(bin.readString(in));
                b.setFingerprint(in.readLong());
                seen.add(b);
            }
        }
        return seen;
    }
}
