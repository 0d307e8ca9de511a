package dev.recon.benchmarks.e2e.internal;

import dev.recon.model.avro.BillEvent;
import dev.recon.model.avro.PaymentEvent;

import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Turns chunk {@code c} of a sequence into pairs {@code c * CHUNK} to {@code (c + 1) * CHUNK - 1}:
 * each payment, and the bill of the pair {@code lag} pairs earlier in the chunk (side output), then
 * the chunk's last bills; so about {@code lag} pairs per subtask wait for their bill, and a pair's
 * two events are always made by the same subtask, close together.
 */
public final class GenerateEvents extends ProcessFunction<Long, PaymentEvent> {
    private static final long serialVersionUID = 1L;

    /** Pairs per element of the sequence. */
    public static final long CHUNK = 10_000;

    /** The bills. */
    public static final OutputTag<BillEvent> BILLS =
            new OutputTag<>("bills", new AvroTypeInfo<>(BillEvent.class));

    private final long pairs;
    private final long lag;
    private transient boolean marked;

    /** Pairs 0 to {@code pairs - 1}, each bill {@code lag} pairs after its payment. */
    public GenerateEvents(long pairs, long lag) {
        this.pairs = pairs;
        this.lag = lag;
    }

    /** The sequence to read: chunk numbers 0 to this minus 1. */
    public static long chunks(long pairs) {
        return (pairs + CHUNK - 1) / CHUNK;
    }

    @Override
    public void processElement(Long chunk, Context ctx, Collector<PaymentEvent> out) {
        if (!marked) {
            marked = true;
            Tally.markFirst();
        }
        long from = chunk * CHUNK;
        long to = Math.min(pairs, from + CHUNK);
        for (long k = from; k < to + lag; k++) {
            if (k < to) {
                out.collect(EventGen.payment(k));
            }
            long b = k - lag;
            if (b >= from && b < to) {
                BillEvent bill = EventGen.bill(b);
                if (bill != null) {
                    ctx.output(BILLS, bill);
                }
            }
        }
    }
}
