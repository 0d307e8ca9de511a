package dev.recon.sinks.pager.internal;

import dev.recon.model.avro.PageAction;
import dev.recon.model.avro.PageEvent;
import dev.recon.sinks.pager.Pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link PagerDutyRenderer}: the Events API v2 fields PagerDuty checks. */
class PagerDutyRendererTest {
    private static final String KEY = "R0UTINGKEY0123456789abcdef012345";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final PagerDutyRenderer renderer =
            new PagerDutyRenderer(
                    "http://127.0.0.1:1/v2/enqueue",
                    KEY,
                    "recon-prod",
                    "https://recon.example/p/{page_key}?m={merchant_id}");

    @Test
    void triggerHasTheRequiredFieldsAndDetails() throws Exception {
        PageEvent page = Pages.page("recon:amount-match:m-7", PageAction.TRIGGER);
        JsonNode e = body(page);

        assertThat(e.path("routing_key").asText()).isEqualTo(KEY);
        assertThat(e.path("event_action").asText()).isEqualTo("trigger");
        assertThat(e.path("dedup_key").asText()).isEqualTo("recon:amount-match:m-7");
        JsonNode p = e.path("payload");
        assertThat(p.path("summary").asText()).isEqualTo(page.getSummary());
        assertThat(p.path("source").asText()).isEqualTo("recon-prod");
        assertThat(p.path("severity").asText()).isEqualTo("critical");
        assertThat(p.path("timestamp").asText())
                .isEqualTo(Instant.ofEpochMilli(page.getEmittedAt()).toString());
        assertThat(p.path("component").asText()).isEqualTo("reconciliation");
        assertThat(p.path("group").asText()).isEqualTo("m-7");
        assertThat(p.path("class").asText()).isEqualTo("amount-match");
        JsonNode d = p.path("custom_details");
        assertThat(d.path("breaks").asLong()).isEqualTo(3);
        assertThat(d.path("open_breaks").asLong()).isEqualTo(2);
        assertThat(d.path("amount_at_risk").path("USD").asLong()).isEqualTo(150);
        assertThat(d.path("amount_at_risk").path("EUR").asLong()).isEqualTo(20);
        assertThat(d.path("first_break_at").asText()).isEqualTo("2023-11-14T22:13:20Z");
        assertThat(d.path("left").path("payment_id").asText()).isEqualTo("p-3");
        assertThat(d.path("rule_set_version").asText()).isEqualTo("v-1a2b");
        assertThat(e.path("links").get(0).path("href").asText())
                .isEqualTo("https://recon.example/p/recon%3Aamount-match%3Am-7?m=m-7");
        assertThat(e.path("client").asText()).isEqualTo("recon");
    }

    @Test
    void updateIsATriggerWithTheSameDedupKey() throws Exception {
        JsonNode e = body(Pages.page("k", PageAction.UPDATE));

        assertThat(e.path("event_action").asText()).isEqualTo("trigger");
        assertThat(e.path("dedup_key").asText()).isEqualTo("k");
    }

    @Test
    void resolveCarriesOnlyTheKeys() throws Exception {
        JsonNode e = body(Pages.page("k", PageAction.RESOLVE));

        assertThat(e.path("event_action").asText()).isEqualTo("resolve");
        assertThat(e.path("dedup_key").asText()).isEqualTo("k");
        assertThat(e.has("payload")).isFalse();
    }

    @Test
    void refreshIsNotSent() {
        assertThat(renderer.render(Pages.page("k", PageAction.REFRESH), Instant.now())).isEmpty();
    }

    @Test
    void redactedBodyHidesTheRoutingKey() {
        PagerRequest r =
                renderer.render(Pages.page("k", PageAction.TRIGGER), Instant.now()).orElseThrow();

        assertThat(r.body()).contains(KEY);
        assertThat(r.redactedBody()).doesNotContain(KEY).contains("\"routing_key\":\"***\"");
    }

    @Test
    void longSummaryAndHugeRecordsStayWithinLimits() throws Exception {
        PageEvent page = Pages.page("k", PageAction.TRIGGER);
        page.setSummary("s".repeat(5000));
        Map<String, String> huge = new HashMap<>();
        for (int i = 0; i < 2000; i++) {
            huge.put("field_" + i, "v".repeat(1000));
        }
        page.setLeft(huge);

        PagerRequest r = renderer.render(page, Instant.now()).orElseThrow();
        JsonNode e = JSON.readTree(r.body());

        assertThat(e.path("payload").path("summary").asText()).hasSize(1024);
        assertThat(r.body().getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(512 * 1024);
        assertThat(e.path("payload").path("custom_details").path("last_alert_id").asText())
                .isEqualTo("a-3");
    }

    private JsonNode body(PageEvent page) throws Exception {
        return JSON.readTree(renderer.render(page, Instant.now()).orElseThrow().body());
    }
}
