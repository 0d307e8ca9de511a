package dev.recon.sinks.pager.internal;

import dev.recon.model.avro.PageAction;
import dev.recon.model.avro.PageEvent;
import dev.recon.model.avro.PageKind;
import dev.recon.sinks.pager.Pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link AlertmanagerRenderer}: labels, annotations and timing Alertmanager acts on. */
class AlertmanagerRendererTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private final AlertmanagerRenderer renderer =
            new AlertmanagerRenderer(
                    "http://127.0.0.1:9093/",
                    Duration.ofMinutes(5),
                    "https://recon.example/{rule_id}");

    @Test
    void triggerIsOneFiringAlertWithTheIdentityLabels() throws Exception {
        PagerRequest r = renderer.render(Pages.page("pk-1", PageAction.TRIGGER), NOW).orElseThrow();
        JsonNode array = JSON.readTree(r.body());

        assertThat(r.uri().toString()).isEqualTo("http://127.0.0.1:9093/api/v2/alerts");
        assertThat(array.isArray()).isTrue();
        assertThat(array).hasSize(1);
        JsonNode a = array.get(0);
        assertThat(a.path("labels").properties()).hasSize(6);
        assertThat(a.path("labels").path("alertname").asText()).isEqualTo("ReconBreak");
        assertThat(a.path("labels").path("reconciliation").asText()).isEqualTo("payments-vs-bills");
        assertThat(a.path("labels").path("rule").asText()).isEqualTo("amount-match");
        assertThat(a.path("labels").path("merchant_id").asText()).isEqualTo("m-7");
        assertThat(a.path("labels").path("severity").asText()).isEqualTo("critical");
        assertThat(a.path("labels").path("page_key").asText()).isEqualTo("pk-1");
        assertThat(a.path("annotations").path("description").asText())
                .isEqualTo("billed 1300 but paid 1250");
        assertThat(a.path("annotations").path("amount_at_risk").asText())
                .isEqualTo("EUR 20, USD 150");
        assertThat(a.path("annotations").path("breaks").asText()).isEqualTo("3");
        assertThat(a.path("startsAt").asText()).isEqualTo("2023-11-14T22:13:20Z");
        assertThat(a.path("endsAt").asText()).isEqualTo("2026-01-01T00:05:00Z");
        assertThat(a.path("generatorURL").asText()).isEqualTo("https://recon.example/amount-match");
    }

    @Test
    void resolveEndsNowAndRefreshIsSent() throws Exception {
        JsonNode resolve =
                JSON.readTree(
                        renderer.render(Pages.page("pk-1", PageAction.RESOLVE), NOW)
                                .orElseThrow()
                                .body());

        assertThat(resolve.get(0).path("endsAt").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(renderer.render(Pages.page("pk-1", PageAction.REFRESH), NOW)).isPresent();
    }

    @Test
    void heldBackSummaryAndMissingMerchant() throws Exception {
        PageEvent page = Pages.page("pk-2", PageAction.TRIGGER);
        page.setKind(PageKind.HELD_BACK);
        page.setMerchantId(null);

        JsonNode labels =
                JSON.readTree(renderer.render(page, NOW).orElseThrow().body())
                        .get(0)
                        .path("labels");

        assertThat(labels.path("alertname").asText()).isEqualTo("ReconPagesHeldBack");
        assertThat(labels.path("merchant_id").asText()).isEqualTo("none");
    }
}
