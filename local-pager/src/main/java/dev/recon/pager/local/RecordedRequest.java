package dev.recon.pager.local;

import java.time.Instant;

/**
 * One request the {@link PagerDutyServer} received, accepted or not.
 *
 * @param seq position in arrival order, from 1
 * @param at arrival time
 * @param path the request path
 * @param body the request body as text (UTF-8)
 * @param status the HTTP status returned
 * @param response the response body returned
 * @param eventAction the body's {@code event_action}, or null when it had none
 * @param dedupKey the body's {@code dedup_key} (or the key generated for it), or null
 */
public record RecordedRequest(
        int seq,
        Instant at,
        String path,
        String body,
        int status,
        String response,
        String eventAction,
        String dedupKey) {

    /** Whether the server answered 202. */
    public boolean accepted() {
        return status == 202;
    }
}
