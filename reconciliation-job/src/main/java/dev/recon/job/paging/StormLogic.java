package dev.recon.job.paging;

import dev.recon.model.avro.Alert;
import dev.recon.model.avro.PageAction;
import dev.recon.model.avro.PageEvent;
import dev.recon.model.avro.PageState;

import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.util.Collector;

/**
 * The state machine of one page: TRIGGER on the first break, aggregation of repeats, UPDATE or
 * REFRESH each refresh interval while open, RESOLVE when the last open break heals, and expiry
 * (state cleared, nothing sent) after a quiet period. One processing-time timer per key.
 */
final class StormLogic {
    private final ValueState<PageState> state;
    private final MapState<String, Long> open;
    private final PagingMetrics metrics;
    private final long refreshMs;
    private final long expiryMs;

    StormLogic(
            ValueState<PageState> state,
            MapState<String, Long> open,
            PagingMetrics metrics,
            long refreshMs,
            long expiryMs) {
        this.state = state;
        this.open = open;
        this.metrics = metrics;
        this.refreshMs = refreshMs;
        this.expiryMs = expiryMs;
    }

    void onTrigger(String key, Alert a, TimerService timers, Collector<PageEvent> out)
            throws Exception {
        if (open.contains(a.getAlertId())) {
            metrics.repeatsIgnored.inc();
            return;
        }
        long now = timers.currentProcessingTime();
        PageState s = state.value();
        open.put(a.getAlertId(), a.getAmountAtRiskMinor());
        if (!active(s)) {
            long episode = s == null ? 1 : s.getEpisode() + 1;
            long oldTimer = s == null ? -1 : s.getTimer();
            s = Pages.open(a, episode, now);
            s.setTimer(oldTimer);
            metrics.pagesOpened.inc();
            out.collect(Pages.event(key, s, PageAction.TRIGGER, a.getDecidedAt(), now));
            schedule(s, now + refreshMs, timers);
        } else {
            Pages.add(s, a, now);
            metrics.breaksAggregated.inc();
        }
        state.update(s);
    }

    void onResolve(String key, Alert a, TimerService timers, Collector<PageEvent> out)
            throws Exception {
        PageState s = state.value();
        Long amount = open.get(a.getAlertId());
        if (!active(s) || amount == null) {
            return;
        }
        long now = timers.currentProcessingTime();
        open.remove(a.getAlertId());
        s.setOpenBreaks(s.getOpenBreaks() - 1);
        s.getAmountAtRiskMinor().merge(a.getCurrency(), -amount, Long::sum);
        s.setLastActivity(now);
        if (s.getOpenBreaks() > 0) {
            s.setDirty(true);
        } else {
            s.setDirty(false);
            open.clear();
            metrics.pagesResolved.inc();
            out.collect(Pages.event(key, s, PageAction.RESOLVE, a.getDecidedAt(), now));
            schedule(s, now + expiryMs, timers);
        }
        state.update(s);
    }

    void onTimer(String key, long ts, TimerService timers, Collector<PageEvent> out)
            throws Exception {
        PageState s = state.value();
        if (s == null || s.getTimer() != ts) {
            return;
        }
        s.setTimer(-1L);
        if (ts - s.getLastActivity() >= expiryMs) {
            if (active(s)) {
                metrics.pagesExpired.inc();
            }
            state.clear();
            open.clear();
            return;
        }
        if (active(s)) {
            PageAction action = s.getDirty() ? PageAction.UPDATE : PageAction.REFRESH;
            s.setDirty(false);
            out.collect(Pages.event(key, s, action, s.getLastBreakAt(), ts));
            schedule(s, Math.min(ts + refreshMs, s.getLastActivity() + expiryMs), timers);
        } else {
            schedule(s, s.getLastActivity() + expiryMs, timers);
        }
        state.update(s);
    }

    /** An episode is open while any of its breaks is (breaks that never heal stay open). */
    private static boolean active(PageState s) {
        return s != null && s.getOpenBreaks() > 0;
    }

    /** Moves the key's one timer to {@code at}. */
    private static void schedule(PageState s, long at, TimerService timers) {
        if (s.getTimer() == at) {
            return;
        }
        if (s.getTimer() >= 0) {
            timers.deleteProcessingTimeTimer(s.getTimer());
        }
        timers.registerProcessingTimeTimer(at);
        s.setTimer(at);
    }
}
