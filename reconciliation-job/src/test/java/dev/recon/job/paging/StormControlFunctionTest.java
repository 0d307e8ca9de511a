package dev.recon.job.paging;

import dev.recon.model.avro.Alert;
import dev.recon.model.avro.PageAction;
import dev.recon.model.avro.PageEvent;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.recon.job.paging.TestAlerts.resolve;
import static dev.recon.job.paging.TestAlerts.trigger;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link StormControlFunction}: one page per rule and merchant, and state back to zero.
 */
class StormControlFunctionTest {
    private static final long REFRESH = 60_000;
    private static final long EXPIRY = 3_600_000;

    private Harness h;

    @BeforeEach
    void setUp() throws Exception {
        h = harness(null);
    }

    @AfterEach
    void tearDown() throws Exception {
        h.close();
    }

    @Test
    void repeatsOfOneRuleAndMerchantPageOnceAndAreAggregated() throws Exception {
        send(trigger("amount-match", "m-1", "p-1", 100));
        send(trigger("amount-match", "m-1", "p-2", 250));
        send(trigger("amount-match", "m-1", "p-3", 50));

        List<PageEvent> pages = drain();
        assertThat(pages).hasSize(1);
        PageEvent first = pages.get(0);
        assertThat(first.getAction()).isEqualTo(PageAction.TRIGGER);
        assertThat(first.getPageKey()).isEqualTo("recon/payments-vs-bills/amount-match/m-1/1");
        assertThat(first.getBreaks()).isEqualTo(1);

        h.setProcessingTime(REFRESH);
        PageEvent update = single(drain());
        assertThat(update.getAction()).isEqualTo(PageAction.UPDATE);
        assertThat(update.getPageKey()).isEqualTo(first.getPageKey());
        assertThat(update.getBreaks()).isEqualTo(3);
        assertThat(update.getAmountAtRiskMinor()).isEqualTo(Map.of("USD", 400L));
        assertThat(update.getSummary())
                .startsWith("[critical] amount-match, merchant m-1: 3 breaks, 4.00 USD at risk");

        h.setProcessingTime(2 * REFRESH);
        assertThat(single(drain()).getAction()).as("unchanged").isEqualTo(PageAction.REFRESH);
    }

    @Test
    void otherMerchantsAndRulesGetTheirOwnPage() throws Exception {
        send(trigger("amount-match", "m-1", "p-1", 100));
        send(trigger("amount-match", "m-2", "p-2", 100));
        send(trigger("currency-match", "m-1", "p-3", 100));
        assertThat(drain())
                .extracting(PageEvent::getPageKey)
                .containsExactly(
                        "recon/payments-vs-bills/amount-match/m-1/1",
                        "recon/payments-vs-bills/amount-match/m-2/1",
                        "recon/payments-vs-bills/currency-match/m-1/1");
    }

    @Test
    void theSameAlertTwiceCountsOnce() throws Exception {
        send(trigger("amount-match", "m-1", "p-1", 100));
        send(trigger("amount-match", "m-1", "p-1", 100));
        drain();
        h.setProcessingTime(REFRESH);
        assertThat(single(drain()).getAction()).isEqualTo(PageAction.REFRESH);
    }

    @Test
    void resolvesWhenTheLastBreakHealsThenStateReturnsToZero() throws Exception {
        send(trigger("bill-missing", "m-1", "p-1", 100));
        send(trigger("bill-missing", "m-1", "p-2", 100));
        send(resolve("bill-missing", "m-1", "p-1", 100));
        assertThat(drain()).extracting(PageEvent::getAction).containsExactly(PageAction.TRIGGER);

        send(resolve("bill-missing", "m-1", "p-2", 100));
        PageEvent resolved = single(drain());
        assertThat(resolved.getAction()).isEqualTo(PageAction.RESOLVE);
        assertThat(resolved.getPageKey()).isEqualTo("recon/payments-vs-bills/bill-missing/m-1/1");
        assertThat(resolved.getOpenBreaks()).isZero();

        h.setProcessingTime(EXPIRY);
        assertThat(drain()).as("nothing after the resolve").isEmpty();
        assertThat(h.numKeyedStateEntries()).as("keyed state entries").isZero();
        assertThat(h.numProcessingTimeTimers()).as("timers").isZero();
    }

    @Test
    void aBreakAfterTheResolveOpensTheNextEpisode() throws Exception {
        send(trigger("bill-missing", "m-1", "p-1", 100));
        send(resolve("bill-missing", "m-1", "p-1", 100));
        send(trigger("bill-missing", "m-1", "p-9", 100));
        assertThat(drain())
                .extracting(p -> p.getAction() + " " + p.getPageKey())
                .containsExactly(
                        "TRIGGER recon/payments-vs-bills/bill-missing/m-1/1",
                        "RESOLVE recon/payments-vs-bills/bill-missing/m-1/1",
                        "TRIGGER recon/payments-vs-bills/bill-missing/m-1/2");
        assertThat(h.numProcessingTimeTimers()).as("one timer per key").isEqualTo(1);
    }

    @Test
    void aQuietPageIsForgottenWithoutAResolve() throws Exception {
        send(trigger("amount-match", "m-1", "p-1", 100));
        drain();
        h.setProcessingTime(EXPIRY);
        assertThat(drain()).extracting(PageEvent::getAction).doesNotContain(PageAction.RESOLVE);
        assertThat(h.numKeyedStateEntries()).isZero();
        assertThat(h.numProcessingTimeTimers()).isZero();
    }

    @Test
    void aResolveOfAnUnknownBreakIsIgnored() throws Exception {
        send(resolve("bill-missing", "m-1", "p-1", 100));
        assertThat(drain()).isEmpty();
        assertThat(h.numKeyedStateEntries()).isZero();
    }

    @Test
    void aRestoredPageKeepsItsEpisodeAndAggregates() throws Exception {
        send(trigger("amount-match", "m-1", "p-1", 100));
        drain();
        OperatorSubtaskState snapshot = h.snapshot(1, 1);
        h.close();
        h = harness(snapshot);
        send(trigger("amount-match", "m-1", "p-1", 100));
        send(trigger("amount-match", "m-1", "p-2", 100));
        assertThat(drain()).as("a replayed break pages no again").isEmpty();
        h.setProcessingTime(REFRESH);
        PageEvent update = single(drain());
        assertThat(update.getPageKey()).endsWith("/m-1/1");
        assertThat(update.getBreaks()).isEqualTo(2);
    }

    private static Harness harness(OperatorSubtaskState snapshot) throws Exception {
        Harness h =
                new Harness(
                        new KeyedProcessOperator<>(
                                new StormControlFunction(
                                        Duration.ofMillis(REFRESH), Duration.ofMillis(EXPIRY))));
        h.setup();
        if (snapshot != null) {
            h.initializeState(snapshot);
        }
        h.open();
        return h;
    }

    private void send(Alert a) throws Exception {
        h.processElement(new StreamRecord<>(a));
    }

    private List<PageEvent> drain() {
        List<PageEvent> out = new ArrayList<>(h.extractOutputValues());
        h.getOutput().clear();
        return out;
    }

    private static PageEvent single(List<PageEvent> pages) {
        assertThat(pages).hasSize(1);
        return pages.get(0);
    }

    /** The test harness. */
    static final class Harness
            extends KeyedOneInputStreamOperatorTestHarness<String, Alert, PageEvent> {
        Harness(KeyedProcessOperator<String, Alert, PageEvent> op) throws Exception {
            super(op, PageKeys::of, Types.STRING);
        }
    }
}
