package dev.recon.benchmarks.e2e.internal;

import dev.recon.model.avro.BillEvent;
import dev.recon.model.avro.PaymentEvent;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Case c: what a Flink engineer would write for the default rules: a ValueState per side, one
 * processing-time deadline timer (not deleted on a match; it finds empty state), the three checks
 * in Java. Emits the rule id of every break and of every missing bill or payment.
 */
public final class HandWrittenMatch
        extends KeyedCoProcessFunction<String, PaymentEvent, BillEvent, String> {
    private static final long serialVersionUID = 1L;

    static final ValueStateDescriptor<PaymentEvent> PAYMENT =
            new ValueStateDescriptor<>("payment", new AvroTypeInfo<>(PaymentEvent.class));
    static final ValueStateDescriptor<BillEvent> BILL =
            new ValueStateDescriptor<>("bill", new AvroTypeInfo<>(BillEvent.class));

    private final long deadlineMs;
    private transient ValueState<PaymentEvent> payment;
    private transient ValueState<BillEvent> bill;
    private transient Counter matched;

    /** Waits {@code deadlineMs} for the counterpart. */
    public HandWrittenMatch(long deadlineMs) {
        this.deadlineMs = deadlineMs;
    }

    @Override
    public void open(OpenContext ctx) {
        payment = getRuntimeContext().getState(PAYMENT);
        bill = getRuntimeContext().getState(BILL);
        matched = getRuntimeContext().getMetricGroup().counter("pairsMatched");
    }

    @Override
    public void processElement1(PaymentEvent p, Context ctx, Collector<String> out)
            throws Exception {
        BillEvent b = bill.value();
        if (b == null) {
            payment.update(p);
            ctx.timerService()
                    .registerProcessingTimeTimer(
                            ctx.timerService().currentProcessingTime() + deadlineMs);
            return;
        }
        bill.clear();
        check(p, b, out);
    }

    @Override
    public void processElement2(BillEvent b, Context ctx, Collector<String> out) throws Exception {
        PaymentEvent p = payment.value();
        if (p == null) {
            bill.update(b);
            ctx.timerService()
                    .registerProcessingTimeTimer(
                            ctx.timerService().currentProcessingTime() + deadlineMs);
            return;
        }
        payment.clear();
        check(p, b, out);
    }

    @Override
    public void onTimer(long ts, OnTimerContext ctx, Collector<String> out) throws Exception {
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
