package dev.recon.pager.local;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A real Alertmanager process delivers a firing and then a resolved alert to the webhook. */
class AlertmanagerProcessITCase {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void firingThenResolvedReachTheWebhook() throws Exception {
        Path dir;
        long pid;
        try (WebhookReceiver hook = WebhookReceiver.start();
                AlertmanagerProcess am =
                        AlertmanagerProcess.builder().setWebhookUrl(hook.url()).build().start()) {
            dir = am.logFile().getParent();
            pid = am.pid();
            Instant now = Instant.now();
            assertThat(post(am, alert(now, now.plusSeconds(300)))).isEqualTo(200);
            assertThat(hook.awaitAlert("firing", Map.of("rule", "r-1"), Duration.ofSeconds(20)))
                    .hasValueSatisfying(
                            a -> assertThat(a.labels()).containsEntry("merchant_id", "m-1"));

            assertThat(post(am, alert(now, Instant.now()))).isEqualTo(200);
            assertThat(hook.awaitAlert("resolved", Map.of("rule", "r-1"), Duration.ofSeconds(20)))
                    .isPresent();
        }
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive))
                .isNotEqualTo(java.util.Optional.of(true));
        assertThat(Files.exists(dir)).isFalse();
    }

    @Test
    void webhookUrlIsRequired() {
        assertThatThrownBy(() -> AlertmanagerProcess.builder().build())
                .hasMessageContaining("setWebhookUrl");
    }

    private int post(AlertmanagerProcess am, String body) throws Exception {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(am.url() + "/api/v2/alerts"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static String alert(Instant startsAt, Instant endsAt) {
        return "[{\"labels\":{\"alertname\":\"ReconBreak\",\"rule\":\"r-1\",\"merchant_id\":\"m-1\"},"
                + "\"annotations\":{\"summary\":\"s\"},\"startsAt\":\""
                + startsAt
                + "\",\"endsAt\":\""
                + endsAt
                + "\"}]";
    }
}
