package dev.recon.sinks.pager;

import dev.recon.model.avro.PageAction;
import dev.recon.pager.local.AlertmanagerProcess;
import dev.recon.pager.local.NotifiedAlert;
import dev.recon.pager.local.WebhookReceiver;

import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages delivered by a Flink job to a real Alertmanager, which notifies a webhook. Fails (never
 * skips) when {@code prometheus-alertmanager} is not installed, with the install hint.
 */
class AlertmanagerDeliveryITCase {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    @Test
    void triggerFiresAndResolveResolvesAtTheWebhook() throws Exception {
        try (WebhookReceiver hook = WebhookReceiver.start();
                AlertmanagerProcess am =
                        AlertmanagerProcess.builder()
                                .setWebhookUrl(hook.url())
                                .setGroupWait(Duration.ofMillis(500))
                                .setGroupInterval(Duration.ofSeconds(1))
                                .build()
                                .start()) {
            PagerConfig cfg = PagerConfig.alertmanager().setUrl(am.url()).build();
            Map<String, String> identity =
                    Map.of(
                            "alertname",
                            "ReconBreak",
                            "rule",
                            "amount-match",
                            "merchant_id",
                            "m-7",
                            "page_key",
                            "pk-1");

            assertThat(PagerJobs.deliver(cfg, List.of(Pages.page("pk-1", PageAction.TRIGGER))))
                    .isEmpty();
            NotifiedAlert firing =
                    hook.awaitAlert("firing", identity, WAIT)
                            .orElseThrow(() -> missing(hook, "firing"));

            assertThat(firing.labels()).containsEntry("severity", "critical");
            assertThat(firing.annotations()).containsEntry("amount_at_risk", "EUR 20, USD 150");

            assertThat(PagerJobs.deliver(cfg, List.of(Pages.page("pk-1", PageAction.RESOLVE))))
                    .isEmpty();
            assertThat(hook.awaitAlert("resolved", identity, WAIT))
                    .as("resolved notification")
                    .isPresent();
        }
    }

    private static AssertionError missing(WebhookReceiver hook, String status) {
        return new AssertionError(
                "no " + status + " notification; webhook got: " + hook.received());
    }
}
