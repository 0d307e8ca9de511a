package dev.recon.job.operators;

import dev.recon.model.avro.Alert;
import dev.recon.model.avro.AlertAction;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;

import java.util.HashMap;
import java.util.Map;

/**
 * Metrics of the matcher: events in and events filtered out per stream, pairs matched, breaks,
 * amount at risk and detection latency per rule, resolves, and keys pending a counterpart.
 */
final class MatchMetrics {
    private static final int LATENCY_WINDOW = 10_000;
    private static final long TIMER_LAG_FRESH_MS = 5_000;

    final Counter leftIn;
    final Counter rightIn;

    /** Records of the left stream its filter rejected (also counted in {@link #leftIn}). */
    final Counter leftFilteredOut;

    /** Records of the right stream its filter rejected (also counted in {@link #rightIn}). */
    final Counter rightFilteredOut;

    final Counter pairsMatched;
    final Counter redeliveries;
    final Counter resolves;
    final Counter deferredVerdicts;

    /** Missing verdicts that waited for a lagging counterpart stream (each counted once). */
    final Counter heldVerdicts;

    /** Records beyond the allowed lateness: not reconciled, sent to the late-data output. */
    final Counter lateEvents;

    private final MetricGroup group;
    private final MetricGroup left;
    private final MetricGroup right;
    private final Map<String, RuleMetrics> rules = new HashMap<>();
    private long pending;
    private long timerLagMs;
    private long timerFiredAt = Long.MIN_VALUE;

    MatchMetrics(MetricGroup operatorGroup, String leftName, String rightName) {
        this.group = operatorGroup.addGroup("recon");
        MetricGroup left = group.addGroup("stream", leftName);
        MetricGroup right = group.addGroup("stream", rightName);
        this.leftIn = left.counter("eventsIn");
        this.rightIn = right.counter("eventsIn");
        this.leftFilteredOut = left.counter("filteredOut");
        this.rightFilteredOut = right.counter("filteredOut");
        this.pairsMatched = group.counter("pairsMatched");
        this.redeliveries = group.counter("redeliveriesIgnored");
        this.resolves = group.counter("resolves");
        this.deferredVerdicts = group.counter("deferredVerdicts");
        this.heldVerdicts = group.counter("heldVerdicts");
        this.lateEvents = group.counter("lateEvents");
        group.gauge("pendingEntries", () -> pending);
        group.gauge("timerLagMs", () -> timerLagMs(System.currentTimeMillis()));
        this.left = left;
        this.right = right;
    }

    /** Registers how far each stream's newest event time is behind the wall clock. */
    void progress(StreamProgress p) {
        left.gauge("eventTimeLagMs", () -> p.leftLagMs(System.currentTimeMillis()));
        right.gauge("eventTimeLagMs", () -> p.rightLagMs(System.currentTimeMillis()));
    }

    /** A timer due at {@code dueAt} fired at processing time {@code now}. */
    void timerFired(long dueAt, long now) {
        timerLagMs = Math.max(0, now - dueAt);
        timerFiredAt = now;
    }

    /**
     * How late the last timer fired, if one fired in the last {@link #TIMER_LAG_FRESH_MS}, else 0:
     * above a second or two, the subtask is behind on its deadlines and retention, its verdicts
     * come late, and it takes almost no input until it has caught up (Flink fires due timers
     * first).
     */
    long timerLagMs(long wallNow) {
        return wallNow - timerFiredAt <= TIMER_LAG_FRESH_MS ? timerLagMs : 0;
    }

    void pendingAdded() {
        pending++;
    }

    void pendingRemoved() {
        pending--;
    }

    /** Counts an emitted alert under its rule and severity. */
    void alert(Alert a) {
        if (a.getAction() == AlertAction.RESOLVE) {
            resolves.inc();
            return;
        }
        RuleMetrics m =
                rules.computeIfAbsent(a.getRuleId() + "/" + a.getSeverity(), k -> register(a));
        m.breaks.inc();
        m.amountAtRisk.inc(a.getAmountAtRiskMinor());
        m.latency.update(Math.max(0, a.getDetectedAt() - a.getDecidedAt()));
    }

    private RuleMetrics register(Alert a) {
        MetricGroup g =
                group.addGroup("rule", a.getRuleId())
                        .addGroup("severity", a.getSeverity().name().toLowerCase())
                        .addGroup("mode", a.getMode().name().toLowerCase());
        return new RuleMetrics(
                g.counter("breaks"),
                g.counter("amountAtRiskMinor"),
                g.histogram(
                        "detectionLatencyMs", new DescriptiveStatisticsHistogram(LATENCY_WINDOW)));
    }

    private record RuleMetrics(Counter breaks, Counter amountAtRisk, Histogram latency) {}
}
