package dev.recon.job.paging;

import dev.recon.model.avro.PageBudgetState;
import dev.recon.model.avro.PageEvent;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import java.time.Duration;

/**
 * One pager's rate budget (run at parallelism 1, keyed by the pager's name): at most N requests per
 * minute; pages over budget are held back and one summary page per minute says how many ({@link
 * BudgetLogic}). Every break is still on the alerts topic.
 */
public final class PageBudgetFunction extends KeyedProcessFunction<String, PageEvent, PageEvent> {
    private static final long serialVersionUID = 1L;

    /** Prefix of the stable uid; the pager's name follows. */
    public static final String UID_PREFIX = "pager-budget-";

    /** The budget window and what it held back. */
    public static final ValueStateDescriptor<PageBudgetState> STATE =
            new ValueStateDescriptor<>("page-budget", new AvroTypeInfo<>(PageBudgetState.class));

    private final int perMinute;
    private final long pageExpiryMs;
    private transient BudgetLogic logic;

    /**
     * Creates a budget.
     *
     * @param perMinute requests per minute this pager may receive (at least 2: one is kept for the
     *     summary)
     * @param pageExpiry how long storm control remembers a quiet page; what this budget remembers
     *     about a page lapses a day later
     */
    public PageBudgetFunction(int perMinute, Duration pageExpiry) {
        if (perMinute < 2) {
            throw new IllegalArgumentException(
                    "a pager budget must allow at least 2 pages per minute, got " + perMinute);
        }
        this.perMinute = perMinute;
        this.pageExpiryMs = pageExpiry.toMillis();
    }

    /** What this budget remembers per page key: true = sent, false = held back. */
    static MapStateDescriptor<String, Boolean> pagesDescriptor(long pageExpiryMs) {
        MapStateDescriptor<String, Boolean> d =
                new MapStateDescriptor<>("page-budget-pages", Types.STRING, Types.BOOLEAN);
        d.enableTimeToLive(
                StateTtlConfig.newBuilder(Duration.ofMillis(pageExpiryMs).plusDays(1))
                        .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                        .build());
        return d;
    }

    @Override
    public void open(OpenContext ctx) {
        logic =
                new BudgetLogic(
                        getRuntimeContext().getState(STATE),
                        getRuntimeContext().getMapState(pagesDescriptor(pageExpiryMs)),
                        new BudgetMetrics(getRuntimeContext().getMetricGroup()),
                        perMinute);
    }

    @Override
    public void processElement(PageEvent page, Context ctx, Collector<PageEvent> out)
            throws Exception {
        logic.onPage(ctx.getCurrentKey(), page, ctx.timerService(), out);
    }

    @Override
    public void onTimer(long ts, OnTimerContext ctx, Collector<PageEvent> out) throws Exception {
        logic.onTimer(ctx.getCurrentKey(), ts, ctx.timerService(), out);
    }
}
