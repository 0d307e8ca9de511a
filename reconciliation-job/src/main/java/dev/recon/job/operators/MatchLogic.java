package dev.recon.job.operators;

import dev.recon.model.Fingerprints;
import dev.recon.model.avro.Alert;
import dev.recon.model.avro.BillEvent;
import dev.recon.model.avro.MatchPhase;
import dev.recon.model.avro.MatchState;
import dev.recon.model.avro.PaymentEvent;
import dev.recon.model.avro.SeenBill;

import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.util.Collector;

import java.util.ArrayList;

/**
 * The matcher's decisions for the current key: one state record per payment id and one
 * processing-time timer. Every key ends in a match or a verdict and is forgotten after the
 * retention period, so state never grows without bound. A record its stream's filter (in the rules
 * in force) rejects is counted and otherwise ignored; one beyond the allowed lateness is diverted
 * ({@link LatenessGate}).
 */
final class MatchLogic {
    private final ValueState<MatchState> state;
    private final ActiveRules rules;
    private final MatchMetrics metrics;
    private final LatenessGate lateness;
    private final VerdictHold hold;

    MatchLogic(
            ValueState<MatchState> state,
            ActiveRules rules,
            MatchMetrics metrics,
            Lateness lateness) {
        this.state = state;
        this.rules = rules;
        this.metrics = metrics;
        this.lateness = new LatenessGate(lateness, rules, metrics);
        this.hold = new VerdictHold(lateness, metrics);
    }

    /** A payment arrived; beyond the allowed lateness it goes to {@code late} instead. */
    void onPayment(
            PaymentEvent p, TimerService ctx, Collector<Alert> out, LatenessGate.LateOutput late)
            throws Exception {
        Verdicts verdicts = rules.verdicts();
        metrics.leftIn.inc();
        long now = ctx.currentProcessingTime();
        hold.leftRead(p.getEventTime(), now);
        if (!verdicts.acceptsPayment(p)) {
            metrics.leftFilteredOut.inc(); // not reconciled: no state, no timer, no alert
            return;
        }
        if (lateness.diverted(p, ctx, out, late)) {
            return; // not reconciled: a late-data record and an alert, no state, no timer
        }
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

    /** A bill arrived; beyond the allowed lateness it goes to {@code late} instead. */
    void onBill(BillEvent b, TimerService ctx, Collector<Alert> out, LatenessGate.LateOutput late)
            throws Exception {
        Verdicts verdicts = rules.verdicts();
        metrics.rightIn.inc();
        long now = ctx.currentProcessingTime();
        hold.rightRead(b.getEventTime(), now);
        if (!verdicts.acceptsBill(b)) {
            metrics.rightFilteredOut.inc(); // not reconciled: no state, no timer, no alert
            return;
        }
        if (lateness.diverted(b, ctx, out, late)) {
            return; // not reconciled: a late-data record and an alert, no state, no timer
        }
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

    /** The key's one timer fired. */
    void onTimer(long ts, TimerService ctx, Collector<Alert> out) throws Exception {
        Verdicts verdicts = rules.verdicts();
        long now = ctx.currentProcessingTime();
        metrics.timerFired(ts, now);
        MatchState s = state.value();
        if (s != null && s.getPhase() == MatchPhase.SETTLED) {
            forgetOrWait(ctx, s, now);
            return;
        }
        if (s == null || s.getTimer() != ts) {
            return; // a timer that was replaced; should not happen, harmless if it does
        }
        long later = hold.until(s, ts, now, ctx.currentWatermark(), verdicts);
        if (later != VerdictHold.NOW) {
            s.setTimer(-1L); // the firing timer is gone already
            schedule(ctx, s, later);
            state.update(s);
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
     * A settled key's timer fired: the key is forgotten once its retention is over, else the timer
     * comes back then (a key settled by an earlier version kept its deadline timer). A key settled
     * before {@code forget_at} existed has -1: its timer was the retention timer.
     */
    private void forgetOrWait(TimerService ctx, MatchState s, long now) {
        if (now >= s.getForgetAt()) {
            state.clear();
        } else {
            ctx.registerProcessingTimeTimer(s.getForgetAt()); // same time, same timer: no duplicate
        }
    }

    private void expire(TimerService ctx, MatchState s, MatchPhase phase, long now)
            throws Exception {
        metrics.pendingRemoved();
        s.setPhase(phase);
        s.setTimer(-1L);
        schedule(ctx, s, now + rules.verdicts().retentionMs());
        state.update(s);
    }

    /**
     * The key matched: it keeps only its fingerprints until the retention is over, and its timer
     * (the deadline's, usually) moves to the end of the retention. Moving it costs the deciding
     * event a timer deletion and a registration; letting the deadline timer fire and come back cost
     * a timer firing, a state read and the same registration later, and the engine 6-20% of its
     * throughput (benchmarks/README.md, "Eleventh session").
     */
    private void settle(TimerService ctx, MatchState s, long now) {
        long forgetAt = now + rules.verdicts().retentionMs();
        s.setPhase(MatchPhase.SETTLED);
        s.setPayment(null);
        s.setBill(null);
        s.setForgetAt(forgetAt);
        schedule(ctx, s, forgetAt);
    }

    private static void schedule(TimerService ctx, MatchState s, long at) {
        if (s.getTimer() >= 0) {
            ctx.deleteProcessingTimeTimer(s.getTimer());
        }
        s.setTimer(at);
        ctx.registerProcessingTimeTimer(at);
    }

    private static MatchState newState(
            MatchPhase phase, String merchant, String currency, long amount) {
        // the all-fields constructor: the builder looks up and deep-copies every default per call
        return new MatchState(
                phase,
                null,
                null,
                new ArrayList<>(2),
                0L,
                merchant,
                currency,
                amount,
                -1L,
                -1L,
                -1L);
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
