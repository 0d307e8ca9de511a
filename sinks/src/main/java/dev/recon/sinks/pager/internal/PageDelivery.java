package dev.recon.sinks.pager.internal;

import dev.recon.model.avro.DeadLetter;
import dev.recon.model.avro.PageEvent;

import org.apache.flink.streaming.api.functions.async.ResultFuture;

import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Delivers one page: sends it, retries what the policy retries until the give-up time, and
 * completes its result with nothing (delivered) or one dead letter. {@link #start()} runs it;
 * {@link #expire} ends it early.
 */
final class PageDelivery {
    private static final int MAX_BODY_IN_REASON = 500;

    private final PageEvent page;
    private final PagerRequest request;
    private final ResultFuture<DeadLetter> result;
    private final Deliverer d;
    private final long acceptedNanos = System.nanoTime();
    private final AtomicBoolean finished = new AtomicBoolean();
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private volatile int attempts;
    private volatile String lastFailure = "none";

    PageDelivery(
            PageEvent page, PagerRequest request, ResultFuture<DeadLetter> result, Deliverer d) {
        this.page = page;
        this.request = request;
        this.result = result;
        this.d = d;
    }

    /** Starts sending (unless already finished); the future completes when it is finished. */
    CompletableFuture<Void> start() {
        attempt();
        return done;
    }

    /**
     * Ends the delivery with a dead letter, if it has not finished yet (the operator's timeout).
     */
    void expire(Duration timeout) {
        String reason =
                "gave up: not delivered within "
                        + GoDuration.format(timeout)
                        + " ("
                        + attempts
                        + " attempts, last: "
                        + lastFailure
                        + ")";
        if (finish(reason)) {
            d.metrics().gaveUp.inc();
        }
    }

    private void attempt() {
        if (finished.get()) {
            return;
        }
        attempts++;
        d.metrics().sent.inc();
        try {
            d.send(request).whenComplete(this::onResponse);
        } catch (RuntimeException e) {
            onResponse(null, e);
        }
    }

    private void onResponse(HttpResponse<String> response, Throwable error) {
        if (finished.get()) {
            return;
        }
        if (error != null) {
            retry(describe(error), null);
            return;
        }
        int status = response.statusCode();
        switch (RetryPolicy.classify(status)) {
            case DELIVERED -> delivered();
            case RETRY ->
                    retry(
                            "HTTP " + status,
                            response.headers().firstValue("Retry-After").orElse(null));
            case REJECTED -> rejected(status, response.body());
        }
    }

    private void delivered() {
        if (finish(null)) {
            d.metrics().delivered.inc();
            d.metrics().lastDeliveryLatencyMs.set(System.currentTimeMillis() - page.getEmittedAt());
        }
    }

    private void rejected(int status, String body) {
        String reason =
                d.protocol()
                        + " rejected the event (HTTP "
                        + status
                        + "): "
                        + PageJson.truncate(body, MAX_BODY_IN_REASON);
        if (finish(reason)) {
            d.metrics().rejected.inc();
        }
    }

    private void retry(String failure, String retryAfter) {
        lastFailure = failure;
        Duration delay = d.policy().delay(attempts, retryAfter, Instant.now());
        Duration elapsed = Duration.ofNanos(System.nanoTime() - acceptedNanos);
        if (elapsed.plus(delay).compareTo(d.giveUpAfter()) > 0) {
            String reason =
                    "gave up after "
                            + attempts
                            + " attempts over "
                            + GoDuration.format(elapsed)
                            + ", last: "
                            + failure;
            if (finish(reason)) {
                d.metrics().gaveUp.inc();
            }
            return;
        }
        d.metrics().retried.inc();
        d.scheduler().schedule(this::attempt, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Completes the result once: with nothing, or a dead letter for this reason. */
    private boolean finish(String reasonOrNull) {
        if (!finished.compareAndSet(false, true)) {
            return false;
        }
        d.metrics().queued.decrementAndGet();
        if (reasonOrNull == null) {
            result.complete(List.of());
        } else {
            result.complete(
                    List.of(d.deadLetters().logged(page, reasonOrNull, request.redactedBody())));
        }
        done.complete(null);
        return true;
    }

    private static String describe(Throwable error) {
        Throwable cause =
                error instanceof CompletionException && error.getCause() != null
                        ? error.getCause()
                        : error;
        if (cause instanceof HttpTimeoutException) {
            return "timeout";
        }
        return "connection error: "
                + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : " " + cause.getMessage());
    }
}
