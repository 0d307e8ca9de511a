package dev.recon.pager.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A real HTTP endpoint on 127.0.0.1 that records every JSON POST body in arrival order: the
 * receiver of an Alertmanager webhook or of the recon webhook pager.
 *
 * <pre>{@code
 * try (WebhookReceiver hook = WebhookReceiver.start()) {
 *     String url = hook.url(); // http://127.0.0.1:<port>/hook
 *     hook.awaitCount(1, Duration.ofSeconds(10));
 * }
 * }</pre>
 */
public final class WebhookReceiver implements AutoCloseable {
    private static final int MAX_BODY = 4 * 1024 * 1024;

    /** One received POST: its path, its Authorization header (or null) and its JSON body. */
    public record Request(String path, String authorization, JsonNode body) {}

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    /** Starts a receiver on a free loopback port. */
    public static WebhookReceiver start() {
        try {
            HttpServer server = JsonHttp.loopbackServer("webhook-receiver");
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.createContext("/", receiver::handle);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the webhook receiver", e);
        }
    }

    /** The URL to post to: {@code http://127.0.0.1:<port>/hook} (any path is accepted). */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** Every JSON body received, in arrival order. */
    public List<JsonNode> received() {
        return requests.stream().map(Request::body).toList();
    }

    /** Every request received, with path and Authorization header, in arrival order. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Waits until at least {@code n} bodies arrived; returns whether they did. */
    public boolean awaitCount(int n, Duration timeout) {
        return JsonHttp.await(() -> requests.size() >= n, timeout);
    }

    /** Every alert of every Alertmanager notification received, in arrival order. */
    public List<NotifiedAlert> alertNotifications() {
        List<NotifiedAlert> alerts = new ArrayList<>();
        for (Request request : requests) {
            for (JsonNode alert : request.body().path("alerts")) {
                alerts.add(
                        new NotifiedAlert(
                                alert.path("status").asText(),
                                strings(alert.path("labels")),
                                strings(alert.path("annotations"))));
            }
        }
        return alerts;
    }

    /**
     * Waits for an Alertmanager notification of an alert with this status ({@code firing} or {@code
     * resolved}) and these labels.
     */
    public Optional<NotifiedAlert> awaitAlert(
            String status, Map<String, String> labels, Duration timeout) {
        Predicate<NotifiedAlert> match = a -> a.status().equals(status) && a.hasLabels(labels);
        JsonHttp.await(() -> alertNotifications().stream().anyMatch(match), timeout);
        return alertNotifications().stream().filter(match).findFirst();
    }

    @Override
    public void close() {
        JsonHttp.stop(server);
    }

    private void handle(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            JsonHttp.respond(exchange, 405, "POST only");
            return;
        }
        byte[] body = JsonHttp.readBody(exchange, MAX_BODY);
        JsonNode json;
        try {
            json = JsonHttp.MAPPER.readTree(body);
        } catch (IOException e) {
            JsonHttp.respond(exchange, 400, "not JSON: " + e.getMessage());
            return;
        }
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        requests.add(new Request(exchange.getRequestURI().getPath(), auth, json));
        JsonHttp.respond(exchange, 200, "ok");
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> map = new java.util.TreeMap<>();
        object.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }
}
