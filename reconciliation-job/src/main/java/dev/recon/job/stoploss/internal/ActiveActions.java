package dev.recon.job.stoploss.internal;

import dev.recon.model.avro.StopLossCommand;
import dev.recon.model.avro.StopLossMode;

import org.apache.flink.api.common.state.MapState;
import org.apache.flink.streaming.api.TimerService;

import java.util.ArrayList;
import java.util.List;

/**
 * The actions in force, one per target, each the command that issued it with its current expiry;
 * one processing-time timer per distinct expiry time, deleted when nothing needs it.
 */
public final class ActiveActions {
    private final MapState<String, StopLossCommand> active;

    /** Wraps the governor's map state. */
    public ActiveActions(MapState<String, StopLossCommand> active) {
        this.active = active;
    }

    /** The action in force on a target, or null. */
    public StopLossCommand get(String target) throws Exception {
        return active.get(target);
    }

    /** Puts an action in force (replacing any on the target) with a timer at its expiry. */
    public void put(String target, StopLossCommand c, TimerService timers) throws Exception {
        remove(target, timers);
        active.put(target, c);
        timers.registerProcessingTimeTimer(c.getExpiresAt());
    }

    /** Ends the action on a target; its timer goes when no other action shares it. */
    public void remove(String target, TimerService timers) throws Exception {
        StopLossCommand old = active.get(target);
        if (old == null) {
            return;
        }
        active.remove(target);
        for (StopLossCommand c : active.values()) {
            if (c.getExpiresAt() == old.getExpiresAt()) {
                return;
            }
        }
        timers.deleteProcessingTimeTimer(old.getExpiresAt());
    }

    /** Actions in force that were issued in {@code mode} (the cap counts these). */
    public int count(StopLossMode mode) throws Exception {
        int n = 0;
        for (StopLossCommand c : active.values()) {
            n += c.getMode() == mode ? 1 : 0;
        }
        return n;
    }

    /** Targets whose action lapses by {@code now}. */
    public List<String> due(long now) throws Exception {
        List<String> out = new ArrayList<>();
        for (var e : active.entries()) {
            if (e.getValue().getExpiresAt() <= now) {
                out.add(e.getKey());
            }
        }
        return out;
    }
}
