package dev.recon.pager.local;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link PagerDutyServer} over real HTTP: validation, incidents and injected faults. */
class PagerDutyServerTest {
    private static final String KEY = "0123456789abcdef0123456789abcdef";
    private final PagerDutyServer pd = PagerDutyServer.start(KEY);
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        pd.close();
    }

    @Test
    void acceptsATriggerAndOpensAnIncident() throws Exception {
        HttpResponse<String> r = post(trigger("k-1", "critical"));

        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(r.body())
                .isEqualTo(
                        "{\"status\":\"success\",\"message\":\"Event processed\",\"dedup_key\":\"k-1\"}");
        assertThat(pd.incidents().get("k-1"))
                .singleElement()
                .satisfies(
                        i -> {
                            assertThat(i.isOpen()).isTrue();
                            assertThat(i.triggers()).isEqualTo(1);
                            assertThat(i.lastPayload().path("summary").asText()).isEqualTo("s");
                        });
    }

    @Test
    void rejectsInvalidEventsWithTheErrors() throws Exception {
        HttpResponse<String> badKey = post(trigger("k-1", "critical").replace(KEY, "wrong"));
        HttpResponse<String> badSeverity = post(trigger("k-1", "fatal"));
        HttpResponse<String> resolveWithoutKey =
                post("{\"routing_key\":\"" + KEY + "\",\"event_action\":\"resolve\"}");
        HttpResponse<String> notJson = post("[1,2");

        assertThat(List.of(badKey, badSeverity, resolveWithoutKey, notJson))
                .allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(400))
                .allSatisfy(
                        r ->
                                assertThat(r.body())
                                        .startsWith(
                                                "{\"status\":\"invalid event\",\"message\":\"Event object is invalid\",\"errors\":["));
        assertThat(badKey.body()).contains("routing_key");
        assertThat(badSeverity.body()).contains("payload.severity");
        assertThat(resolveWithoutKey.body()).contains("'dedup_key' is required for resolve");
        assertThat(pd.incidents()).isEmpty();
        assertThat(pd.requests()).extracting(RecordedRequest::status).containsOnly(400);
    }

    @Test
    void rejectsTooLongSummaryAndBadTimestamp() throws Exception {
        String longSummary =
                trigger("k-1", "info").replace("\"s\"", "\"" + "x".repeat(1025) + "\"");
        String badTime =
                trigger("k-1", "info")
                        .replace("\"source\"", "\"timestamp\":\"yesterday\",\"source\"");

        assertThat(post(longSummary).body()).contains("at most 1024");
        assertThat(post(badTime).body()).contains("ISO 8601");
    }

    @Test
    void incidentsFollowPagerDutySemantics() throws Exception {
        post(trigger("k-1", "critical"));
        post(trigger("k-1", "critical")); // appends
        post(resolve("k-1"));
        post(resolve("k-1")); // accepted, dropped
        post(trigger("k-1", "error")); // new incident
        HttpResponse<String> unknown = post(resolve("never-seen"));

        assertThat(unknown.statusCode()).isEqualTo(202);
        List<Incident> history = pd.incidents().get("k-1");
        assertThat(history).hasSize(2);
        assertThat(history.get(0).triggers()).isEqualTo(2);
        assertThat(history.get(0).isOpen()).isFalse();
        assertThat(history.get(1).isOpen()).isTrue();
        assertThat(pd.openIncidents()).isEqualTo(1);
        assertThat(pd.droppedEvents()).isEqualTo(2);
        assertThat(pd.incidents()).doesNotContainKey("never-seen");
    }

    @Test
    void injectsThrottlingThenServesNormally() throws Exception {
        pd.failNext(2, 429, "1");

        HttpResponse<String> first = post(trigger("k-1", "critical"));
        HttpResponse<String> second = post(trigger("k-1", "critical"));
        HttpResponse<String> third = post(trigger("k-1", "critical"));

        assertThat(first.statusCode()).isEqualTo(429);
        assertThat(first.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(third.statusCode()).isEqualTo(202);
        assertThat(pd.incidents().get("k-1").get(0).triggers()).isEqualTo(1);
    }

    @Test
    void injectsAnOutageForAWhile() throws Exception {
        pd.failFor(Duration.ofMillis(300), 503);

        assertThat(post(trigger("k-1", "critical")).statusCode()).isEqualTo(503);
        Thread.sleep(400);
        assertThat(post(trigger("k-1", "critical")).statusCode()).isEqualTo(202);
        assertThat(pd.awaitAccepted(1, Duration.ofSeconds(1))).isTrue();
    }

    private HttpResponse<String> post(String body) throws Exception {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(pd.url()))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String trigger(String key, String severity) {
        return "{\"routing_key\":\""
                + KEY
                + "\",\"event_action\":\"trigger\",\"dedup_key\":\""
                + key
                + "\",\"payload\":{\"summary\":\"s\",\"source\":\"recon\",\"severity\":\""
                + severity
                + "\"}}";
    }

    private static String resolve(String key) {
        return "{\"routing_key\":\""
                + KEY
                + "\",\"event_action\":\"resolve\",\"dedup_key\":\""
                + key
                + "\"}";
    }
}
