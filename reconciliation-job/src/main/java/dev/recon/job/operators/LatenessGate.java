package dev.recon.job.operators;

import dev.recon.model.avro.Alert;
import dev.recon.model.avro.BillEvent;
import dev.recon.model.avro.DeadLetter;
import dev.recon.model.avro.PaymentEvent;
import dev.recon.rules.Reconciliation;

import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.util.Collector;

/**
 * Keeps records beyond the allowed lateness out of reconciliation: each goes to the late-data
 * output and raises a {@code late-event} alert, so it is never silently dropped.
 */
final class LatenessGate {
    /** Where the late-data records go (the matcher's {@link MatchFunction#LATE_EVENTS}). */
    @FunctionalInterface
    interface LateOutput {
        void emit(DeadLetter record);
    }

    private final Lateness lateness;
    private final ActiveRules rules;
    private final MatchMetrics metrics;

    LatenessGate(Lateness lateness, ActiveRules rules, MatchMetrics metrics) {
        this.lateness = lateness;
        this.rules = rules;
        this.metrics = metrics;
    }

    /** True when the payment was too late and has been diverted. */
    boolean diverted(PaymentEvent p, TimerService ctx, Collector<Alert> out, LateOutput late) {
        long wm = ctx.currentWatermark();
        if (!lateness.isLate(p.getEventTime(), wm)) {
            return false;
        }
        String why = lateness.reason(p.getEventTime(), wm);
        long now = ctx.currentProcessingTime();
        Reconciliation recon = rules.reconciliation();
        late.emit(LatenessRecords.record(recon.left(), p, why, now));
        emit(LatenessRecords.alert(recon, rules.version(), p, why, now), out);
        return true;
    }

    /** True when the bill was too late and has been diverted. */
    boolean diverted(BillEvent b, TimerService ctx, Collector<Alert> out, LateOutput late) {
        long wm = ctx.currentWatermark();
        if (!lateness.isLate(b.getEventTime(), wm)) {
            return false;
        }
        String why = lateness.reason(b.getEventTime(), wm);
        long now = ctx.currentProcessingTime();
        Reconciliation recon = rules.reconciliation();
        late.emit(LatenessRecords.record(recon.right(), b, why, now));
        emit(LatenessRecords.alert(recon, rules.version(), b, why, now), out);
        return true;
    }

    private void emit(Alert a, Collector<Alert> out) {
        metrics.lateEvents.inc();
        metrics.alert(a);
        out.collect(a);
    }
}
