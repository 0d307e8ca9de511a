package dev.recon.job.stoploss;

import dev.recon.job.stoploss.internal.ActiveActions;
import dev.recon.job.stoploss.internal.Commands;
import dev.recon.job.stoploss.internal.StopLossIds;
import dev.recon.job.stoploss.internal.StopLossLog;
import dev.recon.job.stoploss.internal.StopLossMetrics;
import dev.recon.model.StopLossJson;
import dev.recon.model.StopLossJson.UnblockRequest;
import dev.recon.model.avro.StopLossAction;
import dev.recon.model.avro.StopLossCommand;
import dev.recon.model.avro.StopLossMode;
import dev.recon.model.avro.StopLossProposal;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Decides which proposals become actions: one action per target, at most {@code cap} in force
 * (further proposals are refused and audited), each lapsing at its TTL unless a new proposal renews
 * it, and ended early by an unblock request from the control topic. Every decision is emitted as a
 * {@link StopLossCommand} in the configured mode; requests that cannot be understood go to {@link
 * #REJECTED} as audit JSON. Runs with parallelism 1 under the constant key {@link #KEY}, so the cap
 * is global.
 */
public final class StopLossGovernor
        extends KeyedCoProcessFunction<String, StopLossProposal, String, StopLossCommand> {
    private static final long serialVersionUID = 1L;

    /** Stable uid of the operator. */
    public static final String UID = "stoploss-governor";

    /** The one key: every proposal and request meets the same state. */
    public static final String KEY = "stoploss";

    /** Actions in force by target ({@code MERCHANT:m-1}): the issuing command, current expiry. */
    public static final MapStateDescriptor<String, StopLossCommand> ACTIVE =
            new MapStateDescriptor<>(
                    "stoploss-active", Types.STRING, new AvroTypeInfo<>(StopLossCommand.class));

    /** Audit JSON of control requests that could not be understood. */
    public static final OutputTag<String> REJECTED =
            new OutputTag<>("stoploss-rejected-requests", Types.STRING);

    private final StopLossMode mode;
    private final int cap;
    private transient ActiveActions active;
    private transient Commands commands;
    private transient StopLossMetrics.Governor metrics;
    private transient long activeNow;

    /** A governor deciding in {@code mode} with at most {@code cap} actions in force. */
    public StopLossGovernor(StopLossMode mode, int cap) {
        this.mode = mode;
        this.cap = cap;
    }

    @Override
    public void open(OpenContext ctx) {
        active = new ActiveActions(getRuntimeContext().getMapState(ACTIVE));
        commands = new Commands(mode);
        metrics =
                StopLossMetrics.Governor.register(
                        getRuntimeContext().getMetricGroup(), () -> activeNow);
    }

    @Override
    public void processElement1(StopLossProposal p, Context ctx, Collector<StopLossCommand> out)
            throws Exception {
        long now = ctx.timerService().currentProcessingTime();
        String target = StopLossIds.target(p.getTargetKind(), p.getTarget());
        StopLossCommand current = active.get(target);
        boolean inForce = current != null && current.getMode() == mode;
        int count = active.count(mode);
        if (inForce && !escalates(current.getAction(), p.getAction())) {
            StopLossCommand c = commands.renew(current, p, now, count);
            StopLossCommand renewed = StopLossCommand.newBuilder(current).build();
            renewed.setExpiresAt(c.getExpiresAt());
            active.put(target, renewed, ctx.timerService());
            emit(c, out);
            metrics.renewed().inc();
        } else if (!inForce && count >= cap) {
            emit(commands.refuse(p, now, count, cap), out);
            metrics.refusedCap().inc();
        } else {
            StopLossCommand c = commands.issue(p, now, inForce ? count : count + 1);
            active.put(target, c, ctx.timerService());
            emit(c, out);
            metrics.issued().inc();
        }
    }

    @Override
    public void processElement2(String request, Context ctx, Collector<StopLossCommand> out)
            throws Exception {
        long now = ctx.timerService().currentProcessingTime();
        UnblockRequest r;
        try {
            r = UnblockRequest.parse(request);
        } catch (IllegalArgumentException e) {
            String problem = "malformed stop-loss request: " + e.getMessage();
            String id = StopLossIds.of("REJECTED", request, "", "");
            ctx.output(REJECTED, StopLossJson.rejected(id, request, problem, now));
            StopLossLog.rejected(problem);
            return;
        }
        String target = StopLossIds.target(r.targetKind(), r.target());
        StopLossCommand current = active.get(target);
        if (current == null) {
            emit(commands.notActive(r, request, now, active.count(mode)), out);
            return;
        }
        active.remove(target, ctx.timerService());
        emit(commands.unblock(current, r, request, now, active.count(mode)), out);
        metrics.unblocked().inc();
    }

    @Override
    public void onTimer(long ts, OnTimerContext ctx, Collector<StopLossCommand> out)
            throws Exception {
        for (String target : active.due(ts)) {
            StopLossCommand current = active.get(target);
            active.remove(target, ctx.timerService());
            emit(commands.expire(current, ts, active.count(mode)), out);
            metrics.expired().inc();
        }
    }

    private void emit(StopLossCommand c, Collector<StopLossCommand> out) throws Exception {
        StopLossLog.log(c);
        out.collect(c);
        activeNow = active.count(mode);
    }

    /** BLOCK is stronger than HOLD: a BLOCK proposal on a held target replaces the HOLD. */
    private static boolean escalates(StopLossAction current, StopLossAction proposed) {
        return current == StopLossAction.HOLD && proposed == StopLossAction.BLOCK;
    }
}
