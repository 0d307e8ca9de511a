package dev.recon.sinks.pager.internal;

import dev.recon.model.avro.PageAction;
import dev.recon.model.avro.PageEvent;
import dev.recon.sinks.pager.Pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link WebhookRenderer}: the page event as one snake_case JSON object. */
class WebhookRendererTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyFieldUnderItsSchemaName() throws Exception {
        PageEvent page = Pages.page("pk-1", PageAction.UPDATE);
        PagerRequest r =
                new WebhookRenderer("http://127.0.0.1:1/hook", "tok")
                        .render(page, Instant.now())
                        .orElseThrow();
        JsonNode o = JSON.readTree(r.body());

        assertThat(o.properties()).hasSize(PageEvent.getClassSchema().getFields().size());
        assertThat(o.path("page_key").asText()).isEqualTo("pk-1");
        assertThat(o.path("action").asText()).isEqualTo("update");
        assertThat(o.path("severity").asText()).isEqualTo("critical");
        assertThat(o.path("merchant_id").asText()).isEqualTo("m-7");
        assertThat(o.path("amount_at_risk_minor").path("USD").asLong()).isEqualTo(150);
        assertThat(o.path("first_break_at").asLong()).isEqualTo(Pages.FIRST_BREAK_AT);
        assertThat(o.path("right").path("amount_minor").asText()).isEqualTo("1300");
        assertThat(r.headers()).containsEntry("Authorization", "Bearer tok");
    }

    @Test
    void refreshIsNotSentAndNoTokenMeansNoHeader() {
        WebhookRenderer renderer = new WebhookRenderer("http://127.0.0.1:1/hook", null);

        assertThat(renderer.render(Pages.page("pk", PageAction.REFRESH), Instant.now())).isEmpty();
        assertThat(
                        renderer.render(Pages.page("pk", PageAction.RESOLVE), Instant.now())
                                .orElseThrow()
                                .headers())
                .isEmpty();
    }
}
