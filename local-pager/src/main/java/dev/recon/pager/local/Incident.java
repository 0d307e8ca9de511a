package dev.recon.pager.local;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * A snapshot of one incident at the {@link PagerDutyServer}.
 *
 * @param dedupKey the dedup key that opened it
 * @param opened when the first trigger arrived
 * @param resolved when a resolve closed it, or null while it is open
 * @param triggers how many triggers it received (the first one included)
 * @param lastPayload the {@code payload} of the latest trigger
 */
public record Incident(
        String dedupKey, Instant opened, Instant resolved, int triggers, JsonNode lastPayload) {

    /** Whether no resolve has closed it yet. */
    public boolean isOpen() {
        return resolved == null;
    }

    Incident trigger(JsonNode payload) {
        return new Incident(dedupKey, opened, resolved, triggers + 1, payload);
    }

    Incident resolve(Instant at) {
        return new Incident(dedupKey, opened, at, triggers, lastPayload);
    }
}
