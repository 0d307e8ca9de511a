package dev.recon.job.stoploss.internal;

import dev.recon.model.avro.StopLossWindowEntry;

import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.ValueState;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The sliding window of one trigger key: the breaks seen (by alert id, so a replay counts once),
 * the sum and count of those not yet spent on a proposal, and their eviction.
 */
public final class TriggerWindow {
    private final MapState<String, StopLossWindowEntry> entries;
    private final ValueState<Long> sum;
    private final ValueState<Integer> count;

    /** Wraps the keyed states of the current key. */
    public TriggerWindow(
            MapState<String, StopLossWindowEntry> entries,
            ValueState<Long> sum,
            ValueState<Integer> count) {
        this.entries = entries;
        this.sum = sum;
        this.count = count;
    }

    /** Adds a break; false when this alert id is already in the window (a replay). */
    public boolean add(String alertId, StopLossWindowEntry e) throws Exception {
        if (entries.contains(alertId)) {
            return false;
        }
        entries.put(alertId, e);
        update(e.getAmountMinor(), 1);
        return true;
    }

    /** A resolved break stops counting (it stays to recognise a replay of its trigger). */
    public void resolve(String alertId) throws Exception {
        StopLossWindowEntry e = entries.get(alertId);
        if (e != null && !e.getSpent()) {
            e.setSpent(true);
            entries.put(alertId, e);
            update(-e.getAmountMinor(), -1);
        }
    }

    /** Whether the unspent breaks cross the threshold (0: any break does). */
    public boolean crossed(long thresholdMinor) throws Exception {
        return thresholdMinor == 0 ? count() > 0 : sum() > thresholdMinor;
    }

    /** Sum of the unspent amounts at risk. */
    public long sum() throws Exception {
        Long s = sum.value();
        return s == null ? 0 : s;
    }

    /** Number of unspent breaks. */
    public int count() throws Exception {
        Integer c = count.value();
        return c == null ? 0 : c;
    }

    /** The first {@code max} unspent alert ids by decision time, then marks every one spent. */
    public List<String> spendAll(int max) throws Exception {
        List<Map.Entry<String, StopLossWindowEntry>> unspent = new ArrayList<>();
        for (Map.Entry<String, StopLossWindowEntry> e : entries.entries()) {
            if (!e.getValue().getSpent()) {
                unspent.add(Map.entry(e.getKey(), e.getValue()));
            }
        }
        unspent.sort(
                Comparator.comparingLong(
                                (Map.Entry<String, StopLossWindowEntry> e) ->
                                        e.getValue().getDecidedAt())
                        .thenComparing(Map.Entry::getKey));
        List<String> evidence = new ArrayList<>();
        for (Map.Entry<String, StopLossWindowEntry> e : unspent) {
            if (evidence.size() < max) {
                evidence.add(e.getKey());
            }
            e.getValue().setSpent(true);
            entries.put(e.getKey(), e.getValue());
        }
        sum.clear();
        count.clear();
        return evidence;
    }

    /** Drops the breaks that left the window by {@code now}; clears everything when empty. */
    public void evict(long now) throws Exception {
        List<String> gone = new ArrayList<>();
        long amount = 0;
        int n = 0;
        boolean left = false;
        for (Map.Entry<String, StopLossWindowEntry> e : entries.entries()) {
            StopLossWindowEntry v = e.getValue();
            if (v.getExpiresAt() > now) {
                left = true;
            } else {
                gone.add(e.getKey());
                if (!v.getSpent()) {
                    amount += v.getAmountMinor();
                    n++;
                }
            }
        }
        if (!left) {
            entries.clear();
            sum.clear();
            count.clear();
            return;
        }
        for (String id : gone) {
            entries.remove(id);
        }
        update(-amount, -n);
    }

    private void update(long amount, int n) throws Exception {
        long s = sum() + amount;
        int c = count() + n;
        if (c == 0) {
            sum.clear();
            count.clear();
        } else {
            sum.update(s);
            count.update(c);
        }
    }
}
