package dev.recon.job.stoploss;

import dev.recon.job.stoploss.internal.StopLossIds;
import dev.recon.job.stoploss.internal.StopLossMetrics;
import dev.recon.job.stoploss.internal.TriggerWindow;
import dev.recon.model.avro.Alert;
import dev.recon.model.avro.AlertAction;
import dev.recon.model.avro.RuleMode;
import dev.recon.model.avro.StopLossProposal;
import dev.recon.model.avro.StopLossSpec;
import dev.recon.model.avro.StopLossWindowEntry;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import java.util.List;

/**
 * Sums the amount at risk of enforced breaks per target, rule and currency over a sliding
 * processing-time window (by {@code decided_at}) and proposes the rule's stop-loss action when the
 * sum crosses its threshold; the window then starts afresh. Shadow alerts are counted, never acted
 * on. Each alert id counts once, so a replayed alert cannot push a target over its threshold; a
 * RESOLVE of a counted break takes it back out.
 */
public final class StopLossTriggerFunction
        extends KeyedProcessFunction<String, Alert, StopLossProposal> {
    private static final long serialVersionUID = 1L;

    /** Stable uid of the operator. */
    public static final String UID = "stoploss-trigger";

    /** At most this many alert ids travel as evidence. */
    public static final int MAX_EVIDENCE = 50;

    /** Breaks in the window by alert id. */
    public static final MapStateDescriptor<String, StopLossWindowEntry> ENTRIES =
            new MapStateDescriptor<>(
                    "stoploss-window", Types.STRING, new AvroTypeInfo<>(StopLossWindowEntry.class));

    /** Sum of the unspent amounts in the window. */
    public static final ValueStateDescriptor<Long> SUM =
            new ValueStateDescriptor<>("stoploss-window-sum", Types.LONG);

    /** Number of unspent breaks in the window. */
    public static final ValueStateDescriptor<Integer> COUNT =
            new ValueStateDescriptor<>("stoploss-window-count", Types.INT);

    private transient TriggerWindow window;
    private transient StopLossMetrics.Trigger metrics;

    /** The key: rule, currency and target ({@code amount-match|USD|MERCHANT:m-1}). */
    public static String keyOf(Alert a) {
        StopLossSpec s = a.getStoploss();
        return a.getRuleId()
                + "|"
                + a.getCurrency()
                + "|"
                + StopLossIds.target(s.getTargetKind(), s.getTarget());
    }

    @Override
    public void open(OpenContext ctx) {
        var rc = getRuntimeContext();
        window = new TriggerWindow(rc.getMapState(ENTRIES), rc.getState(SUM), rc.getState(COUNT));
        metrics = StopLossMetrics.Trigger.register(rc.getMetricGroup());
    }

    @Override
    public void processElement(Alert a, Context ctx, Collector<StopLossProposal> out)
            throws Exception {
        if (a.getMode() == RuleMode.SHADOW) {
            metrics.shadowIgnored().inc();
            return;
        }
        if (a.getAction() == AlertAction.RESOLVE) {
            window.resolve(a.getAlertId());
            return;
        }
        StopLossSpec spec = a.getStoploss();
        long now = ctx.timerService().currentProcessingTime();
        long decided = Math.min(a.getDecidedAt(), now);
        long expires = decided + spec.getWindowMs();
        if (expires <= now) {
            return; // decided before the window began
        }
        StopLossWindowEntry e =
                new StopLossWindowEntry(decided, expires, a.getAmountAtRiskMinor(), false);
        if (!window.add(a.getAlertId(), e)) {
            return;
        }
        ctx.timerService().registerProcessingTimeTimer(expires);
        if (window.crossed(spec.getThresholdMinor())) {
            out.collect(propose(a, ctx.getCurrentKey(), now));
            metrics.proposed().inc();
        }
    }

    @Override
    public void onTimer(long ts, OnTimerContext ctx, Collector<StopLossProposal> out)
            throws Exception {
        window.evict(ts);
    }

    private StopLossProposal propose(Alert a, String key, long now) throws Exception {
        StopLossSpec s = a.getStoploss();
        long sum = window.sum();
        int count = window.count();
        List<String> evidence = window.spendAll(MAX_EVIDENCE);
        return StopLossProposal.newBuilder()
                .setProposalId(StopLossIds.of("proposal", key, a.getAlertId(), ""))
                .setTargetKind(s.getTargetKind())
                .setTarget(s.getTarget())
                .setAction(s.getAction())
                .setTtlMs(s.getTtlMs())
                .setRuleId(a.getRuleId())
                .setProposedAt(now)
                .setBreakCount(count)
                .setEvidenceAlertIds(evidence)
                .setEvidenceAmountMinor(sum)
                .setCurrency(a.getCurrency())
                .setWindowMs(s.getWindowMs())
                .setThresholdMinor(s.getThresholdMinor())
                .build();
    }
}
