package dev.recon.loadgen.internal;

/** Where the generator's records go: Kafka in production, memory in unit tests. */
public interface RecordSink extends AutoCloseable {
    /** Sends a payment record asynchronously. */
    void sendPayment(String key, byte[] value);

    /** Sends a bill record asynchronously. */
    void sendBill(String key, byte[] value);

    /** Throws {@link dev.recon.loadgen.LoadGenException} if an earlier send has failed. */
    void failIfBroken();

    /** Blocks until every record sent so far is acknowledged, then calls {@link #failIfBroken}. */
    void flush();

    /** Releases resources; does not throw. */
    @Override
    void close();
}
