package dev.recon.pager.local;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Incident state per dedup key, as PagerDuty keeps it: a trigger appends to the open incident or
 * opens a new one; a resolve closes the open one; anything else for a closed key is dropped. Not
 * thread-safe: the server calls it under its lock.
 */
final class PagerDutyIncidents {
    private final Map<String, List<Incident>> byKey = new LinkedHashMap<>();
    private int dropped;

    /** Applies a valid event. */
    void apply(String action, String dedupKey, JsonNode payload, Instant now) {
        List<Incident> history = byKey.computeIfAbsent(dedupKey, k -> new ArrayList<>());
        int last = history.size() - 1;
        boolean open = last >= 0 && history.get(last).isOpen();
        if ("trigger".equals(action)) {
            if (open) {
                history.set(last, history.get(last).trigger(payload));
            } else {
                history.add(new Incident(dedupKey, now, null, 1, payload));
            }
        } else if ("resolve".equals(action) && open) {
            history.set(last, history.get(last).resolve(now));
        } else if (!open) {
            dropped++;
        }
        if (history.isEmpty()) {
            byKey.remove(dedupKey);
        }
    }

    /** A copy: dedup key to its incidents, oldest first. */
    Map<String, List<Incident>> snapshot() {
        Map<String, List<Incident>> copy = new LinkedHashMap<>();
        byKey.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return copy;
    }

    /** How many incidents are open. */
    long open() {
        return byKey.values().stream().filter(h -> h.get(h.size() - 1).isOpen()).count();
    }

    /** How many acknowledge/resolve events were accepted but dropped (no open incident). */
    int dropped() {
        return dropped;
    }
}
