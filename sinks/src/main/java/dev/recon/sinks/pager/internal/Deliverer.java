package dev.recon.sinks.pager.internal;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What every {@link PageDelivery} of one pager shares: the HTTP client, the retry scheduler, the
 * policy, the metrics and the dead-letter factory.
 */
record Deliverer(
        String protocol,
        HttpClient http,
        ScheduledExecutorService scheduler,
        RetryPolicy policy,
        Duration requestTimeout,
        Duration giveUpAfter,
        PagerMetrics metrics,
        DeadLetters deadLetters) {

    /** Sends one request; the future fails on transport errors and timeouts. */
    CompletableFuture<HttpResponse<String>> send(PagerRequest request) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(request.uri())
                        .timeout(requestTimeout)
                        .header("Content-Type", "application/json")
                        .header("User-Agent", "recon-pager")
                        .POST(HttpRequest.BodyPublishers.ofString(request.body()));
        request.headers().forEach(b::header);
        return http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
