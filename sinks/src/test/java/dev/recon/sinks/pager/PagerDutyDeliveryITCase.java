package dev.recon.sinks.pager;

import dev.recon.model.avro.DeadLetter;
import dev.recon.model.avro.PageAction;
import dev.recon.model.avro.PageEvent;
import dev.recon.pager.local.Incident;
import dev.recon.pager.local.PagerDutyServer;
import dev.recon.pager.local.RecordedRequest;

import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.recon.model.avro.PageAction.REFRESH;
import static dev.recon.model.avro.PageAction.RESOLVE;
import static dev.recon.model.avro.PageAction.TRIGGER;
import static dev.recon.model.avro.PageAction.UPDATE;
import static org.assertj.core.api.Assertions.assertThat;

/** Pages delivered by a Flink job to a real PagerDuty Events v2 server, with injected faults. */
class PagerDutyDeliveryITCase {
    private static final String KEY = "R0UT1NGk3y5ecret0123456789abcdef";
    private static final LogCapture LOGS = new LogCapture();

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    @TempDir static Path dir;
    private final PagerDutyServer pd = PagerDutyServer.start(KEY);

    @BeforeAll
    static void captureLogs() {
        LOGS.attach();
    }

    @AfterAll
    static void noLogLineHasTheRoutingKey() {
        LOGS.detach();
        assertThat(LOGS.lines()).isNotEmpty().noneMatch(line -> line.contains(KEY));
    }

    @AfterEach
    void stop() {
        pd.close();
    }

    @Test
    void triggersAndResolvesOpenAndCloseIncidents() throws Exception {
        List<PageEvent> pages =
                List.of(
                        page("k-1", TRIGGER),
                        page("k-2", TRIGGER),
                        page("k-1", UPDATE),
                        page("k-1", REFRESH),
                        page("k-1", RESOLVE),
                        page("k-3", TRIGGER),
                        page("k-2", RESOLVE));

        assertThat(PagerJobs.deliver(config().build(), pages)).isEmpty();

        assertThat(sent(pd.requests()))
                .containsExactly(
                        "k-1 trigger",
                        "k-2 trigger",
                        "k-1 trigger",
                        "k-1 resolve",
                        "k-3 trigger",
                        "k-2 resolve");
        assertThat(pd.requests()).allMatch(RecordedRequest::accepted);
        Map<String, List<Incident>> incidents = pd.incidents();
        assertThat(incidents.get("k-1"))
                .singleElement()
                .satisfies(
                        i -> {
                            assertThat(i.triggers()).isEqualTo(2);
                            assertThat(i.isOpen()).isFalse();
                        });
        assertThat(incidents.get("k-2")).singleElement().matches(i -> !i.isOpen());
        assertThat(incidents.get("k-3")).singleElement().matches(Incident::isOpen);
        assertThat(
                        incidents
                                .get("k-3")
                                .get(0)
                                .lastPayload()
                                .path("custom_details")
                                .path("breaks")
                                .asLong())
                .isEqualTo(3);
    }

    @Test
    void throttledThreeTimesWithRetryAfterThenAllDeliveredInOrder() throws Exception {
        pd.failNext(3, 429, "1");
        List<PageEvent> pages = interleavedEpisodes(4);

        assertThat(PagerJobs.deliver(config().build(), pages)).isEmpty();

        List<RecordedRequest> requests = pd.requests();
        assertThat(requests).hasSize(pages.size() + 3);
        assertThat(requests.subList(0, 3)).extracting(RecordedRequest::status).containsOnly(429);
        for (int i = 1; i <= 3; i++) { // Retry-After: 1 honoured
            assertThat(Duration.between(requests.get(i - 1).at(), requests.get(i).at()))
                    .isGreaterThan(Duration.ofMillis(900));
        }
        assertThat(sent(pd.accepted())).containsExactlyElementsOf(expected(pages));
        assertThat(pd.openIncidents()).isZero();
        assertThat(pd.incidents()).hasSize(4);
    }

    @Test
    void outageOfFiveSecondsThenAllDelivered() throws Exception {
        pd.failFor(Duration.ofSeconds(5), 503);
        List<PageEvent> pages = interleavedEpisodes(5);

        assertThat(PagerJobs.deliver(config().build(), pages)).isEmpty();

        assertThat(pd.requests()).filteredOn(r -> r.status() == 503).hasSizeGreaterThan(2);
        assertThat(sent(pd.accepted())).containsExactlyElementsOf(expected(pages));
        assertThat(pd.openIncidents()).isZero();
    }

    @Test
    void badRequestBecomesOneDeadLetterAndLaterPagesAreDelivered() throws Exception {
        String tooLong = "k-" + "x".repeat(300); // PagerDuty allows 255 characters
        List<PageEvent> pages =
                List.of(page("k-1", TRIGGER), page(tooLong, TRIGGER), page("k-1", RESOLVE));

        List<DeadLetter> dead = PagerJobs.deliver(config().build(), pages);

        assertThat(pd.requests())
                .filteredOn(r -> tooLong.equals(r.dedupKey()))
                .singleElement()
                .matches(r -> r.status() == 400);
        assertThat(dead)
                .singleElement()
                .satisfies(
                        d -> {
                            assertThat(d.getStream()).isEqualTo("pager:pagerduty");
                            assertThat(d.getTopic()).isEqualTo(pd.url());
                            assertThat(d.getReason())
                                    .startsWith("pagerduty rejected the event (HTTP 400): ")
                                    .contains("dedup_key");
                            String payload =
                                    StandardCharsets.UTF_8.decode(d.getPayload()).toString();
                            assertThat(payload)
                                    .contains("\"routing_key\":\"***\"")
                                    .contains(tooLong)
                                    .doesNotContain(KEY);
                            assertThat(d.toString()).doesNotContain(KEY);
                        });
        assertThat(sent(pd.accepted())).containsExactly("k-1 trigger", "k-1 resolve");
    }

    @Test
    void givesUpAfterTheConfiguredTimeWithADeadLetter() throws Exception {
        pd.failFor(Duration.ofSeconds(60), 503);

        List<DeadLetter> dead =
                PagerJobs.deliver(
                        config().setGiveUpAfter(Duration.ofSeconds(2)).build(),
                        List.of(page("k-1", TRIGGER)));

        assertThat(dead)
                .singleElement()
                .satisfies(
                        d -> {
                            assertThat(d.getReason())
                                    .matches(
                                            "gave up after \\d+ attempts over [0-9.]+s, last: HTTP 503");
                            assertThat(d.toString()).doesNotContain(KEY);
                        });
        assertThat(pd.requests().size()).isGreaterThan(1);
    }

    private PagerConfigBuilder config() throws Exception {
        Path key = dir.resolve("routing.key");
        Files.writeString(key, KEY + "\n");
        return PagerConfig.pagerDuty()
                .setUrl(pd.url())
                .setRoutingKeyFile(key)
                .setInitialBackoff(Duration.ofMillis(50))
                .setMaxBackoff(Duration.ofSeconds(1))
                .setRequestTimeout(Duration.ofSeconds(3))
                .setGiveUpAfter(Duration.ofSeconds(60));
    }

    /** For n keys: all triggers, an update each, then the resolves, interleaved. */
    private static List<PageEvent> interleavedEpisodes(int n) {
        List<PageEvent> pages = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            pages.add(page("k-" + i, TRIGGER));
            if (i > 1) {
                pages.add(page("k-" + (i - 1), UPDATE));
                pages.add(page("k-" + (i - 1), RESOLVE));
            }
        }
        pages.add(page("k-" + n, RESOLVE));
        return pages;
    }

    private static List<String> expected(List<PageEvent> pages) {
        return pages.stream()
                .filter(p -> p.getAction() != REFRESH)
                .map(p -> p.getPageKey() + (p.getAction() == RESOLVE ? " resolve" : " trigger"))
                .toList();
    }

    private static List<String> sent(List<RecordedRequest> requests) {
        return requests.stream().map(r -> r.dedupKey() + " " + r.eventAction()).toList();
    }

    private static PageEvent page(String key, PageAction action) {
        return Pages.page(key, action);
    }
}
