package dev.recon.benchmarks.e2e.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real webhook endpoint on 127.0.0.1 for the job's {@code --pagers webhook}: records, per TRIGGER
 * page of breaks, the arrival time under the page's {@code first_alert_id}.
 */
public final class PageProbe implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Long> triggers = new ConcurrentHashMap<>();
    private final HttpServer server;

    /** Starts the endpoint on a free port. */
    public PageProbe() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The URL to give to {@code --webhook-url}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/page";
    }

    /** When the TRIGGER page whose first alert is {@code alertId} arrived, or null. */
    public Long paged(String alertId) {
        return triggers.get(alertId);
    }

    private void handle(HttpExchange ex) throws IOException {
        long now = System.currentTimeMillis();
        try (InputStream in = ex.getRequestBody()) {
            JsonNode page = JSON.readTree(in.readAllBytes());
            if ("trigger".equals(page.path("action").asText())
                    && "breaks".equals(page.path("kind").asText())) {
                triggers.putIfAbsent(page.path("first_alert_id").asText(), now);
            }
        } catch (IOException e) {
            // not JSON: answered below all the same
        }
        ex.sendResponseHeaders(200, -1);
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
