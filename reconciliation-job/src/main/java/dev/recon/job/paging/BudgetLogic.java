package dev.recon.job.paging;

import dev.recon.model.avro.PageAction;
import dev.recon.model.avro.PageBudgetState;
import dev.recon.model.avro.PageEvent;

import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.util.Collector;

import java.util.HashMap;

/**
 * A fixed one-minute window of N requests per pager, one of them kept for the summary. A TRIGGER
 * over budget is held back; a later UPDATE of a held page is sent as its TRIGGER once the budget
 * allows; REFRESH and RESOLVE go only to pages that were sent. At the end of a window that held
 * pages back, one summary page says how many, of which rules, and the money at risk.
 */
final class BudgetLogic {
    static final long WINDOW_MS = 60_000;

    private final ValueState<PageBudgetState> state;
    private final MapState<String, Boolean> pages;
    private final BudgetMetrics metrics;
    private final int perMinute;

    BudgetLogic(
            ValueState<PageBudgetState> state,
            MapState<String, Boolean> pages,
            BudgetMetrics metrics,
            int perMinute) {
        this.state = state;
        this.pages = pages;
        this.metrics = metrics;
        this.perMinute = perMinute;
    }

    void onPage(String pager, PageEvent page, TimerService timers, Collector<PageEvent> out)
            throws Exception {
        long now = timers.currentProcessingTime();
        PageBudgetState s = current(now);
        String key = page.getPageKey();
        Boolean sent = pages.get(key);
        switch (page.getAction()) {
            case TRIGGER -> trigger(s, page, sent, timers, out);
            case UPDATE -> update(s, page, sent, out);
            case REFRESH -> {
                if (Boolean.TRUE.equals(sent)) {
                    out.collect(page);
                }
            }
            case RESOLVE -> {
                if (Boolean.TRUE.equals(sent)) {
                    s.setUsed(s.getUsed() + 1);
                    pass(page, out);
                }
                if (sent != null) {
                    pages.remove(key);
                }
            }
        }
        state.update(s);
    }

    private void trigger(
            PageBudgetState s,
            PageEvent page,
            Boolean sent,
            TimerService timers,
            Collector<PageEvent> out)
            throws Exception {
        if (Boolean.TRUE.equals(sent) || spend(s)) {
            pages.put(page.getPageKey(), true);
            pass(page, out);
        } else {
            pages.put(page.getPageKey(), false);
            hold(s, page, timers);
        }
    }

    private void update(PageBudgetState s, PageEvent page, Boolean sent, Collector<PageEvent> out)
            throws Exception {
        if (!spend(s)) {
            metrics.updatesSkipped.inc();
            return;
        }
        if (!Boolean.TRUE.equals(sent)) {
            page = PageEvent.newBuilder(page).setAction(PageAction.TRIGGER).build();
            pages.put(page.getPageKey(), true);
            metrics.promoted.inc();
        }
        pass(page, out);
    }

    void onTimer(String pager, long ts, TimerService timers, Collector<PageEvent> out)
            throws Exception {
        PageBudgetState s = state.value();
        if (s == null || s.getTimer() != ts) {
            return;
        }
        s.setTimer(-1L);
        roll(s, ts);
        if (s.getHeldBack() > 0) {
            s.setSummaries(s.getSummaries() + 1);
            s.setUsed(s.getUsed() + 1);
            out.collect(HeldBackSummary.of(pager, perMinute, s, ts));
            metrics.summaries.inc();
            s.setHeldBack(0);
            s.setHeldByRule(new HashMap<>());
            s.setHeldAmountMinor(new HashMap<>());
            s.setHeldSeverity(null);
            s.setHeldSince(0);
        }
        state.update(s);
    }

    private void hold(PageBudgetState s, PageEvent page, TimerService timers) {
        metrics.heldBack.inc();
        if (s.getHeldBack() == 0) {
            s.setHeldSince(page.getEmittedAt());
        }
        s.setHeldBack(s.getHeldBack() + 1);
        s.getHeldByRule().merge(page.getRuleId(), 1L, Long::sum);
        page.getAmountAtRiskMinor()
                .forEach((c, v) -> s.getHeldAmountMinor().merge(c, v, Long::sum));
        s.setHeldSeverity(Pages.worse(s.getHeldSeverity(), page.getSeverity()));
        if (s.getTimer() < 0) {
            long at = s.getWindowStart() + WINDOW_MS;
            timers.registerProcessingTimeTimer(at);
            s.setTimer(at);
        }
    }

    private boolean spend(PageBudgetState s) {
        if (s.getUsed() >= perMinute - 1) {
            return false;
        }
        s.setUsed(s.getUsed() + 1);
        return true;
    }

    private void pass(PageEvent page, Collector<PageEvent> out) {
        metrics.passed.inc();
        out.collect(page);
    }

    private PageBudgetState current(long now) throws Exception {
        PageBudgetState s = state.value();
        if (s == null) {
            s = PageBudgetState.newBuilder().setWindowStart(now).setUsed(0).setHeldBack(0).build();
        }
        roll(s, now);
        return s;
    }

    private static void roll(PageBudgetState s, long now) {
        if (now >= s.getWindowStart() + WINDOW_MS) {
            s.setWindowStart(now - (now - s.getWindowStart()) % WINDOW_MS);
            s.setUsed(0);
        }
    }
}
