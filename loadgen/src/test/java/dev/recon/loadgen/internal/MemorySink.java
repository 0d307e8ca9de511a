package dev.recon.loadgen.internal;

import dev.recon.loadgen.Sent;

import java.util.ArrayList;
import java.util.List;

/** A {@link RecordSink} that keeps records in memory, in send order (test helper). */
final class MemorySink implements RecordSink {
    final List<Sent> payments = new ArrayList<>();
    final List<Sent> bills = new ArrayList<>();
    final List<String> order = new ArrayList<>();
    boolean flushed;

    @Override
    public void sendPayment(String key, byte[] value) {
        payments.add(new Sent(key, value));
        order.add("payment:" + key);
    }

    @Override
    public void sendBill(String key, byte[] value) {
        bills.add(new Sent(key, value));
        order.add("bill:" + key);
    }

    @Override
    public void failIfBroken() {}

    @Override
    public void flush() {
        flushed = true;
    }

    @Override
    public void close() {}
}
