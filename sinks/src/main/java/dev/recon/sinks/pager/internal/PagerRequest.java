package dev.recon.sinks.pager.internal;

import java.net.URI;
import java.util.Map;

/**
 * One rendered HTTP request to a pager.
 *
 * @param uri where to POST
 * @param body the JSON body, secret included
 * @param redactedBody the same body with the secret replaced by {@code ***}: for dead letters
 * @param headers extra headers (may hold the secret: never logged)
 */
public record PagerRequest(
        URI uri, String body, String redactedBody, Map<String, String> headers) {}
