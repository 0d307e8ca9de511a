package dev.recon.benchmarks.e2e.internal;

import dev.recon.model.avro.BillEvent;
import dev.recon.model.avro.PaymentEvent;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Case c: what a Flink engineer would write for the default rules: a ValueState per side, one
 * processing-time deadline timer (not deleted on a match; it finds empty state), the three checks
 * in Java. Emits the rule id of every break and of every missing bill or payment. With a retention
 * (case c2) a matched key keeps its bill id for that long, as the engine does, so a second bill is
 * a {@code duplicate-bill} and a redelivered one is ignored; a timer at the retention's end forgets
 * it.
 */
public final class HandWrittenMatch
        extends KeyedCoProcessFunction<String, PaymentEvent, BillEvent, String> {
    private static final long serialVersionUID = 1L;

    static final ValueStateDescriptor<PaymentEvent> PAYMENT =
            new ValueStateDescriptor<>("payment", new AvroTypeInfo<>(PaymentEvent.class));
    static final ValueStateDescriptor<BillEvent> BILL =
            new ValueStateDescriptor<>("bill", new AvroTypeInfo<>(BillEvent.class));

    /** A matched key: when it is forgotten, and its bill id. */
    static final ValueStateDescriptor<Tuple2<Long, String>> SETTLED =
            new ValueStateDescriptor<>("settled", Types.TUPLE(Types.LONG, Types.STRING));

    private final long deadlineMs;
    private final long retentionMs;
    private transient ValueState<PaymentEvent> payment;
    private transient ValueState<BillEvent> bill;
    private transient ValueState<Tuple2<Long, String>> settled;
    private transient Counter matched;

    /** Waits {@code deadlineMs} for the counterpart; forgets a key once it matched. */
    public HandWrittenMatch(long deadlineMs) {
        this(deadlineMs, 0);
    }

    /** Waits {@code deadlineMs}; keeps a matched key's bill id {@code retentionMs} (0: not). */
    public HandWrittenMatch(long deadlineMs, long retentionMs) {
        this.deadlineMs = deadlineMs;
        this.retentionMs = retentionMs;
    }

    @Override
    public void open(OpenContext ctx) {
        payment = getRuntimeContext().getState(PAYMENT);
        bill = getRuntimeContext().getState(BILL);
        settled = getRuntimeContext().getState(SETTLED);
        matched = getRuntimeContext().getMetricGroup().counter("pairsMatched");
    }

    @Override
    public void processElement1(PaymentEvent p, Context ctx, Collector<String> out)
            throws Exception {
        if (retentionMs > 0 && settled.value() != null) {
            return; // a payment delivered again after its match
        }
        BillEvent b = bill.value();
        if (b == null) {
            payment.update(p);
            ctx.timerService()
                    .registerProcessingTimeTimer(
                            ctx.timerService().currentProcessingTime() + deadlineMs);
            return;
        }
        bill.clear();
        settle(b, ctx);
        check(p, b, out);
    }

    @Override
    public void processElement2(BillEvent b, Context ctx, Collector<String> out) throws Exception {
        Tuple2<Long, String> done = retentionMs > 0 ? settled.value() : null;
        if (done != null) {
            if (!done.f1.equals(b.getBillId())) {
                out.collect("duplicate-bill");
            }
            return;
        }
        PaymentEvent p = payment.value();
        if (p == null) {
            bill.update(b);
            ctx.timerService()
                    .registerProcessingTimeTimer(
                            ctx.timerService().currentProcessingTime() + deadlineMs);
            return;
        }
        payment.clear();
        settle(b, ctx);
        check(p, b, out);
    }

    private void settle(BillEvent b, Context ctx) throws Exception {
        if (retentionMs > 0) {
            long forgetAt = ctx.timerService().currentProcessingTime() + retentionMs;
            settled.update(Tuple2.of(forgetAt, b.getBillId()));
            ctx.timerService().registerProcessingTimeTimer(forgetAt);
        }
    }

    @Override
    public void onTimer(long ts, OnTimerContext ctx, Collector<String> out) throws Exception {
        Tuple2<Long, String> done = retentionMs > 0 ? settled.value() : null;
        if (done != null) {
            if (ts >= done.f0) {
                settled.clear(); // the retention's end; the deadline timer before it does nothing
            }
            return;
        }
        if (payment.value() != null) {
            out.collect("bill-missing");
            payment.clear();
        } else if (bill.value() != null) {
            out.collect("payment-missing");
            bill.clear();
        }
    }

    private void check(PaymentEvent p, BillEvent b, Collector<String> out) {
        matched.inc();
        boolean sameCurrency = p.getCurrency().equals(b.getCurrency());
        if (sameCurrency && p.getAmountMinor() != b.getAmountMinor()) {
            out.collect("amount-match");
        }
        if (!sameCurrency) {
            out.collect("currency-match");
        }
        if (!b.getStatus().equals(billStatusFor(p.getStatus()))) {
            out.collect("status-consistent");
        }
    }

    private static String billStatusFor(String paymentStatus) {
        return switch (paymentStatus) {
            case "SUCCEEDED" -> "BILLED";
            case "REFUNDED" -> "REFUNDED";
            case "FAILED" -> "REVERSED";
            default -> "";
        };
    }
}
