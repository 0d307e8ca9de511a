package dev.recon.sinks.pager.internal;

import dev.recon.model.avro.DeadLetter;
import dev.recon.model.avro.PageEvent;
import dev.recon.sinks.pager.PagerConfig;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;

/**
 * Sends page events to one pager strictly one at a time, in arrival order (each delivery starts
 * when the previous one finished), and emits a {@link DeadLetter} for each page that was rejected
 * or given up on. The secret is read in {@link #open}, on the task manager.
 */
public final class PagerDeliveryFunction extends RichAsyncFunction<PageEvent, DeadLetter> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(PagerDeliveryFunction.class);

    private final PagerConfig cfg;
    private transient PageRenderer renderer;
    private transient Deliverer deliverer;
    private transient ExecutorService httpExecutor;
    private transient Map<ResultFuture<DeadLetter>, PageDelivery> pending;
    private transient CompletableFuture<Void> tail;

    public PagerDeliveryFunction(PagerConfig cfg) {
        this.cfg = cfg;
    }

    /** How long the async operator waits for one page before {@link #timeout} ends it. */
    public static Duration operatorTimeout(PagerConfig cfg) {
        return cfg.giveUpAfter().plus(cfg.requestTimeout().multipliedBy(2)).plusSeconds(5);
    }

    @Override
    public void open(OpenContext openContext) {
        String secret = cfg.secret() == null ? null : cfg.secret().read();
        renderer = Renderers.create(cfg, secret);
        httpExecutor = Executors.newFixedThreadPool(2, daemon("pager-http-" + cfg.name()));
        ScheduledExecutorService scheduler =
                Executors.newSingleThreadScheduledExecutor(daemon("pager-retry-" + cfg.name()));
        HttpClient http =
                HttpClient.newBuilder()
                        .executor(httpExecutor)
                        .connectTimeout(cfg.requestTimeout())
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build();
        PagerMetrics metrics = new PagerMetrics(getRuntimeContext().getMetricGroup(), cfg.name());
        deliverer =
                new Deliverer(
                        cfg.protocol().id(),
                        http,
                        scheduler,
                        new RetryPolicy(cfg.initialBackoff(), cfg.maxBackoff()),
                        cfg.requestTimeout(),
                        cfg.giveUpAfter(),
                        metrics,
                        new DeadLetters(cfg.name(), cfg.url(), secret));
        pending = new ConcurrentHashMap<>();
        tail = CompletableFuture.completedFuture(null);
        LOG.info(
                "pager {} delivers via {} to {}",
                cfg.name(),
                cfg.protocol().id(),
                Urls.describe(cfg.url()));
    }

    @Override
    public void asyncInvoke(PageEvent page, ResultFuture<DeadLetter> result) {
        Optional<PagerRequest> request;
        try {
            request = renderer.render(page, Instant.now());
        } catch (RuntimeException e) {
            String reason = "cannot render the page: " + e;
            result.complete(List.of(deliverer.deadLetters().logged(page, reason, null)));
            deliverer.metrics().rejected.inc();
            return;
        }
        if (request.isEmpty()) {
            deliverer.metrics().skipped.inc();
            result.complete(List.of());
            return;
        }
        deliverer.metrics().queued.incrementAndGet();
        PageDelivery delivery = new PageDelivery(page, request.get(), result, deliverer);
        pending.put(result, delivery);
        tail =
                tail.thenComposeAsync(v -> delivery.start(), deliverer.scheduler())
                        .whenComplete((v, e) -> pending.remove(result))
                        .exceptionally(e -> null);
    }

    @Override
    public void timeout(PageEvent page, ResultFuture<DeadLetter> result) {
        PageDelivery delivery = pending.remove(result);
        if (delivery != null) {
            delivery.expire(operatorTimeout(cfg));
        }
    }

    @Override
    public void close() {
        if (deliverer != null) {
            deliverer.scheduler().shutdownNow();
        }
        if (httpExecutor != null) {
            httpExecutor.shutdownNow();
        }
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
