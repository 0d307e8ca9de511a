package dev.recon.pager.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A real HTTP server on 127.0.0.1 implementing the PagerDuty Events API v2 contract at {@code POST
 * /v2/enqueue}: validation (400), acceptance (202), incidents per dedup key, and injected faults
 * (429 with Retry-After, 5xx for a while). Thread-safe.
 *
 * <pre>{@code
 * try (PagerDutyServer pd = PagerDutyServer.start("0123456789abcdef0123456789abcdef")) {
 *     pd.failNext(3, 429, "1");
 *     // ... send events to pd.url() ...
 *     pd.awaitAccepted(10, Duration.ofSeconds(30));
 *     pd.incidents(); // dedup key -> incidents
 * }
 * }</pre>
 */
public final class PagerDutyServer implements AutoCloseable {
    private final HttpServer server;
    private final PagerDutyValidator validator;
    private final PagerDutyIncidents incidents = new PagerDutyIncidents();
    private final FaultPlan faults = new FaultPlan();
    private final List<RecordedRequest> requests = new ArrayList<>();

    private PagerDutyServer(HttpServer server, String routingKey) {
        this.server = server;
        this.validator = new PagerDutyValidator(routingKey);
    }

    /** Starts a server on a free loopback port that accepts events with this routing key. */
    public static PagerDutyServer start(String routingKey) {
        if (routingKey == null || routingKey.isBlank()) {
            throw new IllegalArgumentException("a routing key is required: start(\"<key>\")");
        }
        try {
            HttpServer server = JsonHttp.loopbackServer("pagerduty-server");
            PagerDutyServer pd = new PagerDutyServer(server, routingKey);
            server.createContext("/", pd::handle);
            server.start();
            return pd;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the PagerDuty server", e);
        }
    }

    /** The enqueue URL: {@code http://127.0.0.1:<port>/v2/enqueue}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v2/enqueue";
    }

    /** The next {@code n} requests get this status (and Retry-After header, when not null). */
    public synchronized void failNext(int n, int status, String retryAfterOrNull) {
        faults.failNext(n, status, retryAfterOrNull);
    }

    /** Every request arriving within {@code duration} from now gets this status. */
    public synchronized void failFor(Duration duration, int status) {
        faults.failFor(duration, status, Instant.now());
    }

    /** Every request received, rejected ones included, in arrival order. */
    public synchronized List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** The accepted (202) requests, in arrival order. */
    public synchronized List<RecordedRequest> accepted() {
        return requests.stream().filter(RecordedRequest::accepted).toList();
    }

    /** Dedup key to its incidents, oldest first. */
    public synchronized Map<String, List<Incident>> incidents() {
        return incidents.snapshot();
    }

    /** How many incidents are open now. */
    public synchronized long openIncidents() {
        return incidents.open();
    }

    /** How many accepted acknowledge/resolve events were dropped (no open incident). */
    public synchronized int droppedEvents() {
        return incidents.dropped();
    }

    /** Waits until at least {@code n} requests were accepted; returns whether they were. */
    public boolean awaitAccepted(int n, Duration timeout) {
        return await(pd -> pd.accepted().size() >= n, timeout);
    }

    /** Waits until exactly {@code n} incidents are open; returns whether they were. */
    public boolean awaitOpenIncidents(long n, Duration timeout) {
        return await(pd -> pd.openIncidents() == n, timeout);
    }

    /** Waits until the condition on this server holds; returns whether it did. */
    public boolean await(Predicate<PagerDutyServer> condition, Duration timeout) {
        return JsonHttp.await(() -> condition.test(this), timeout);
    }

    @Override
    public void close() {
        JsonHttp.stop(server);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] raw = JsonHttp.readBody(exchange, PagerDutyValidator.MAX_EVENT_BYTES);
        Reply reply = reply(exchange, raw);
        if (reply.retryAfter != null) {
            exchange.getResponseHeaders().set("Retry-After", reply.retryAfter);
        }
        JsonHttp.respond(exchange, reply.status, reply.body);
    }

    private synchronized Reply reply(HttpExchange exchange, byte[] raw) {
        Instant now = Instant.now();
        String path = exchange.getRequestURI().getPath();
        String body = new String(raw, StandardCharsets.UTF_8);
        JsonNode event = parse(raw);
        Reply reply = decide(exchange.getRequestMethod(), path, raw.length, event, now);
        requests.add(
                new RecordedRequest(
                        requests.size() + 1,
                        now,
                        path,
                        body,
                        reply.status,
                        reply.body,
                        field(event, "event_action"),
                        reply.dedupKey != null ? reply.dedupKey : field(event, "dedup_key")));
        return reply;
    }

    private Reply decide(String method, String path, int size, JsonNode event, Instant now) {
        if (!"/v2/enqueue".equals(path)) {
            return new Reply(404, "{\"status\":\"not found\"}", null, null);
        }
        if (!"POST".equals(method)) {
            return new Reply(405, "{\"status\":\"method not allowed\"}", null, null);
        }
        FaultPlan.Fault fault = faults.next(now);
        if (fault != null) {
            return new Reply(
                    fault.status(), "{\"status\":\"injected failure\"}", null, fault.retryAfter());
        }
        List<String> errors =
                size > PagerDutyValidator.MAX_EVENT_BYTES
                        ? List.of("Event is larger than 512 KB")
                        : validator.validate(event);
        if (!errors.isEmpty()) {
            return new Reply(400, invalid(errors), null, null);
        }
        String dedupKey = field(event, "dedup_key");
        if (dedupKey == null) {
            dedupKey = UUID.randomUUID().toString().replace("-", "");
        }
        incidents.apply(field(event, "event_action"), dedupKey, event.get("payload"), now);
        return new Reply(202, success(dedupKey), dedupKey, null);
    }

    private static String invalid(List<String> errors) {
        ObjectNode body = JsonHttp.MAPPER.createObjectNode();
        body.put("status", "invalid event").put("message", "Event object is invalid");
        errors.forEach(body.putArray("errors")::add);
        return body.toString();
    }

    private static String success(String dedupKey) {
        ObjectNode body = JsonHttp.MAPPER.createObjectNode();
        body.put("status", "success").put("message", "Event processed");
        return body.put("dedup_key", dedupKey).toString();
    }

    private static JsonNode parse(byte[] raw) {
        try {
            return JsonHttp.MAPPER.readTree(raw);
        } catch (IOException e) {
            return null;
        }
    }

    private static String field(JsonNode event, String name) {
        JsonNode value = event == null ? null : event.get(name);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    /** What to answer. */
    private record Reply(int status, String body, String dedupKey, String retryAfter) {}
}
