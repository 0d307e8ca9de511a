package dev.recon.job.paging;

import dev.recon.model.avro.Alert;
import dev.recon.model.avro.AlertAction;
import dev.recon.model.avro.PageEvent;
import dev.recon.model.avro.PageState;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import java.time.Duration;

/**
 * Storm control, keyed by (reconciliation, rule, merchant): the first break opens one page, later
 * breaks are aggregated into it (count, amount at risk) and re-sent at most once per refresh
 * interval, and the page resolves when every break in it has healed ({@link StormLogic}).
 */
public final class StormControlFunction extends KeyedProcessFunction<String, Alert, PageEvent> {
    private static final long serialVersionUID = 1L;

    /** Stable uid of the operator. */
    public static final String UID = "page-storm-control";

    /** The episode and its aggregates; an explicit Avro serializer, never Kryo. */
    public static final ValueStateDescriptor<PageState> STATE =
            new ValueStateDescriptor<>("page-state", new AvroTypeInfo<>(PageState.class));

    /** Open breaks of the active episode: alert id to amount at risk. */
    public static final MapStateDescriptor<String, Long> OPEN =
            new MapStateDescriptor<>("page-open-breaks", Types.STRING, Types.LONG);

    private final long refreshMs;
    private final long expiryMs;
    private transient StormLogic logic;

    /**
     * Creates storm control.
     *
     * @param refresh how often an open page is re-sent (as an update when it changed)
     * @param expiry how long a page without any activity is remembered before it is forgotten
     */
    public StormControlFunction(Duration refresh, Duration expiry) {
        this.refreshMs = refresh.toMillis();
        this.expiryMs = expiry.toMillis();
    }

    @Override
    public void open(OpenContext ctx) {
        logic =
                new StormLogic(
                        getRuntimeContext().getState(STATE),
                        getRuntimeContext().getMapState(OPEN),
                        new PagingMetrics(getRuntimeContext().getMetricGroup()),
                        refreshMs,
                        expiryMs);
    }

    @Override
    public void processElement(Alert a, Context ctx, Collector<PageEvent> out) throws Exception {
        String key = ctx.getCurrentKey();
        if (a.getAction() == AlertAction.TRIGGER) {
            logic.onTrigger(key, a, ctx.timerService(), out);
        } else {
            logic.onResolve(key, a, ctx.timerService(), out);
        }
    }

    @Override
    public void onTimer(long ts, OnTimerContext ctx, Collector<PageEvent> out) throws Exception {
        logic.onTimer(ctx.getCurrentKey(), ts, ctx.timerService(), out);
    }
}
