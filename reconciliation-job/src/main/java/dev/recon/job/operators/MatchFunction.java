package dev.recon.job.operators;

import dev.recon.job.rules.RuleSetProvider;
import dev.recon.model.Fingerprints;
import dev.recon.model.avro.Alert;
import dev.recon.model.avro.BillEvent;
import dev.recon.model.avro.MatchPhase;
import dev.recon.model.avro.MatchState;
import dev.recon.model.avro.PaymentEvent;
import dev.recon.model.avro.SeenBill;
import dev.recon.rules.RuleSet;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

import java.util.ArrayList;

/**
 * Joins payments (left) and bills (right) by payment id in one keyed state record, runs the pair
 * rules on a match, and issues missing-counterpart verdicts from a processing-time timer, so a
 * verdict fires on time even when the other stream is silent. Every key ends in a match or a
 * verdict and is forgotten after the retention period: state never grows without bound.
 */
public final class MatchFunction
        extends KeyedCoProcessFunction<String, PaymentEvent, BillEvent, Alert> {
    private static final long serialVersionUID = 1L;

    /** Stable uid of the operator; part of savepoint compatibility. */
    public static final String UID = "match-payments-bills";

    /** The one state record per payment id; an explicit Avro serializer, never Kryo. */
    public static final ValueStateDescriptor<MatchState> STATE =
            new ValueStateDescriptor<>("match-state", new AvroTypeInfo<>(MatchState.class));

    private final RuleSetProvider rules;
    private transient ValueState<MatchState> state;
    private transient Verdicts verdicts;
    private transient MatchMetrics metrics;
    private transient long startedAt;

    /** Creates the matcher; the rule set is compiled on each subtask in {@code open}. */
    public MatchFunction(RuleSetProvider rules) {
        this.rules = rules;
    }

    @Override
    public void open(OpenContext ctx) {
        RuleSet ruleSet = rules.load();
        var recon = ruleSet.reconciliations().get(0);
        state = getRuntimeContext().getState(STATE);
        startedAt = -1; // set by the first element or timer, in processing time
        metrics =
                new MatchMetrics(
                        getRuntimeContext().getMetricGroup(),
                        recon.left().name(),
                        recon.right().name());
        verdicts = new Verdicts(recon, ruleSet.version(), metrics);
    }

    @Override
    public void processElement1(PaymentEvent p, Context ctx, Collector<Alert> out)
            throws Exception {
        metrics.leftIn.inc();
        long now = ctx.timerService().currentProcessingTime();
        startedAt(now);
        long fp = Fingerprints.of(p);
        MatchState s = state.value();
        if (s == null) {
            s =
                    newState(
                            MatchPhase.AWAITING_BILL,
                            p.getMerchantId(),
                            p.getCurrency(),
                            p.getAmountMinor());
            s.setPayment(p);
            s.setPaymentFingerprint(fp);
            schedule(ctx, s, now + verdicts.rightDeadlineMs());
            metrics.pendingAdded();
        } else if (s.getPaymentFingerprint() != 0) {
            if (s.getPaymentFingerprint() == fp) {
                metrics.redeliveries.inc();
                return;
            }
            verdicts.conflictingPayment(p, fp, now, out);
            return;
        } else {
            s.setPayment(p);
            s.setPaymentFingerprint(fp);
            if (s.getPhase() == MatchPhase.PAYMENT_MISSING) {
                verdicts.resolvePaymentMissing(p, s.getBill(), now, out);
            } else {
                metrics.pendingRemoved();
            }
            verdicts.matched(p, s.getBill(), now, out);
            settle(ctx, s, now);
        }
        state.update(s);
    }

    @Override
    public void processElement2(BillEvent b, Context ctx, Collector<Alert> out) throws Exception {
        metrics.rightIn.inc();
        long now = ctx.timerService().currentProcessingTime();
        startedAt(now);
        long fp = Fingerprints.of(b);
        MatchState s = state.value();
        if (s == null) {
            s =
                    newState(
                            MatchPhase.AWAITING_PAYMENT,
                            b.getMerchantId(),
                            b.getCurrency(),
                            b.getAmountMinor());
            s.setBill(b);
            s.getSeenBills().add(new SeenBill(b.getBillId(), fp));
            schedule(ctx, s, now + verdicts.leftDeadlineMs());
            metrics.pendingAdded();
            state.update(s);
            return;
        }
        SeenBill seen = find(s, b.getBillId());
        if (seen != null && seen.getFingerprint() == fp) {
            metrics.redeliveries.inc();
            return;
        }
        s.getSeenBills().add(new SeenBill(b.getBillId(), fp));
        switch (s.getPhase()) {
            case AWAITING_BILL, BILL_MISSING -> {
                if (s.getPhase() == MatchPhase.BILL_MISSING) {
                    verdicts.resolveBillMissing(s.getPayment(), b, now, out);
                } else {
                    metrics.pendingRemoved();
                }
                verdicts.matched(s.getPayment(), b, now, out);
                settle(ctx, s, now);
            }
            default -> verdicts.duplicateBill(b, fp, seen != null, now, out);
        }
        state.update(s);
    }

    @Override
    public void onTimer(long ts, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        MatchState s = state.value();
        if (s == null || s.getTimer() != ts) {
            return; // a timer that was replaced; should not happen, harmless if it does
        }
        long now = now(ctx);
        if (deferredAfterStart(ctx, s, now)) {
            return;
        }
        switch (s.getPhase()) {
            case AWAITING_BILL -> {
                verdicts.billMissing(s.getPayment(), ts, now, out);
                expire(ctx, s, MatchPhase.BILL_MISSING, ts);
            }
            case AWAITING_PAYMENT -> {
                verdicts.paymentMissing(s.getBill(), ts, now, out);
                expire(ctx, s, MatchPhase.PAYMENT_MISSING, ts);
            }
            default -> state.clear(); // retention over: forget the key
        }
    }

    /**
     * After the job (re)starts, its sources first read a backlog: a deadline due in the first
     * deadline after start could fire before the counterpart is read. Such verdicts wait until one
     * full deadline has passed since start, so a restore never raises a false "missing".
     */
    private boolean deferredAfterStart(OnTimerContext ctx, MatchState s, long now)
            throws Exception {
        long deadline;
        if (s.getPhase() == MatchPhase.AWAITING_BILL) {
            deadline = verdicts.rightDeadlineMs();
        } else if (s.getPhase() == MatchPhase.AWAITING_PAYMENT) {
            deadline = verdicts.leftDeadlineMs();
        } else {
            return false;
        }
        long earliest = startedAt(now) + deadline;
        if (now >= earliest) {
            return false;
        }
        s.setTimer(-1L); // the firing timer is gone already
        schedule(ctx, s, earliest);
        state.update(s);
        metrics.deferredVerdicts.inc();
        return true;
    }

    private long startedAt(long now) {
        if (startedAt < 0) {
            startedAt = now;
        }
        return startedAt;
    }

    private static long now(Context ctx) {
        return ctx.timerService().currentProcessingTime();
    }

    private void expire(OnTimerContext ctx, MatchState s, MatchPhase phase, long now)
            throws Exception {
        metrics.pendingRemoved();
        s.setPhase(phase);
        s.setTimer(-1L);
        schedule(ctx, s, now + verdicts.retentionMs());
        state.update(s);
    }

    private void settle(Context ctx, MatchState s, long now) {
        s.setPhase(MatchPhase.SETTLED);
        s.setPayment(null);
        s.setBill(null);
        schedule(ctx, s, now + verdicts.retentionMs());
    }

    private static void schedule(Context ctx, MatchState s, long at) {
        if (s.getTimer() >= 0) {
            ctx.timerService().deleteProcessingTimeTimer(s.getTimer());
        }
        s.setTimer(at);
        ctx.timerService().registerProcessingTimeTimer(at);
    }

    private static MatchState newState(
            MatchPhase phase, String merchant, String currency, long amount) {
        return MatchState.newBuilder()
                .setPhase(phase)
                .setSeenBills(new ArrayList<>(2))
                .setMerchantId(merchant)
                .setCurrency(currency)
                .setAmountMinor(amount)
                .build();
    }

    private static SeenBill find(MatchState s, String billId) {
        for (SeenBill seen : s.getSeenBills()) {
            if (seen.getBillId().equals(billId)) {
                return seen;
            }
        }
        return null;
    }
}
