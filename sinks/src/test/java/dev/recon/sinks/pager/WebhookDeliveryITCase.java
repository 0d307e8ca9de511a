package dev.recon.sinks.pager;

import dev.recon.model.avro.PageAction;
import dev.recon.pager.local.WebhookReceiver;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Pages delivered by a Flink job to a real webhook endpoint, with a bearer token. */
class WebhookDeliveryITCase {
    private static final String TOKEN = "t0k3n-for-the-webhook";

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    @TempDir Path dir;

    @Test
    void everyActionButRefreshArrivesInOrderWithTheToken() throws Exception {
        Path token = Files.writeString(dir.resolve("token"), TOKEN);
        try (WebhookReceiver hook = WebhookReceiver.start()) {
            PagerConfig cfg = PagerConfig.webhook().setUrl(hook.url()).setTokenFile(token).build();
            List<PageAction> actions =
                    List.of(
                            PageAction.TRIGGER,
                            PageAction.UPDATE,
                            PageAction.REFRESH,
                            PageAction.RESOLVE);

            assertThat(
                            PagerJobs.deliver(
                                    cfg, actions.stream().map(a -> Pages.page("pk-1", a)).toList()))
                    .isEmpty();

            assertThat(hook.received())
                    .extracting(b -> b.path("action").asText())
                    .containsExactly("trigger", "update", "resolve");
            assertThat(hook.received())
                    .extracting(b -> b.path("page_key").asText())
                    .containsOnly("pk-1");
            JsonNode first = hook.received().get(0);
            assertThat(first.path("rule_id").asText()).isEqualTo("amount-match");
            assertThat(first.path("amount_at_risk_minor").path("USD").asLong()).isEqualTo(150);
            assertThat(hook.requests())
                    .extracting(WebhookReceiver.Request::authorization)
                    .containsOnly("Bearer " + TOKEN);
        }
    }

    @Test
    void unreachableWebhookIsRetriedThenDeadLettered() throws Exception {
        String url;
        try (WebhookReceiver gone = WebhookReceiver.start()) {
            url = gone.url(); // closed below: connections are refused
        }
        PagerConfig cfg =
                PagerConfig.webhook()
                        .setUrl(url)
                        .setInitialBackoff(java.time.Duration.ofMillis(50))
                        .setMaxBackoff(java.time.Duration.ofMillis(200))
                        .setGiveUpAfter(java.time.Duration.ofSeconds(2))
                        .build();

        assertThat(PagerJobs.deliver(cfg, List.of(Pages.page("pk-1", PageAction.TRIGGER))))
                .singleElement()
                .satisfies(
                        d -> {
                            assertThat(d.getStream()).isEqualTo("pager:webhook");
                            assertThat(d.getReason())
                                    .matches(
                                            "gave up after \\d+ attempts over .*, last: connection error: .*");
                        });
    }
}
