package dev.recon.cluster.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small JSON client of Flink's REST API on 127.0.0.1. */
public final class RestApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String base;

    public RestApi(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** The web UI and REST base URL. */
    public String url() {
        return base;
    }

    /** GET a path; throws on a non-2xx answer or when nothing listens. */
    public JsonNode get(String path) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** POST a JSON body. */
    public JsonNode post(String path, Object body) throws IOException {
        return send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    /** PATCH without a body (e.g. cancel). */
    public JsonNode patch(String path) throws IOException {
        return send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .method("PATCH", HttpRequest.BodyPublishers.noBody()));
    }

    /** Whether the REST API answers. */
    public boolean isUp() {
        try {
            get("/config");
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private JsonNode send(HttpRequest.Builder request) throws IOException {
        try {
            HttpResponse<String> r =
                    http.send(
                            request.timeout(Duration.ofSeconds(20)).build(),
                            HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new IOException(
                        "Flink REST "
                                + r.request().uri()
                                + " answered "
                                + r.statusCode()
                                + ": "
                                + r.body());
            }
            return r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while calling the Flink REST API", e);
        }
    }
}
