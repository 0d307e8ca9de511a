package dev.recon.job.paging;

import dev.recon.model.avro.PageAction;
import dev.recon.model.avro.PageEvent;
import dev.recon.model.avro.PageKind;

import org.apache.flink.api.common.typeinfo.Types;
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

import static dev.recon.job.paging.TestPages.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tests for {@link PageBudgetFunction}: pages over budget are held back and summarised once. */
class PageBudgetFunctionTest {
    private static final int BUDGET = 3; // two pages and the summary

    private KeyedOneInputStreamOperatorTestHarness<String, PageEvent, PageEvent> h;

    @BeforeEach
    void setUp() throws Exception {
        h =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(
                                new PageBudgetFunction(BUDGET, Duration.ofHours(1))),
                        p -> "pagerduty",
                        Types.STRING);
        h.open();
    }

    @AfterEach
    void tearDown() throws Exception {
        h.close();
    }

    @Test
    void pagesOverBudgetAreHeldBackAndOneSummarySaysHowMany() throws Exception {
        for (String m : List.of("m-1", "m-2", "m-3", "m-4", "m-5")) {
            send(page(PageAction.TRIGGER, m));
        }
        assertThat(drain()).extracting(PageEvent::getMerchantId).containsExactly("m-1", "m-2");

        h.setProcessingTime(BudgetLogic.WINDOW_MS);
        List<PageEvent> out = drain();
        assertThat(out).hasSize(1);
        PageEvent summary = out.get(0);
        assertThat(summary.getKind()).isEqualTo(PageKind.HELD_BACK);
        assertThat(summary.getAction()).isEqualTo(PageAction.TRIGGER);
        assertThat(summary.getPageKey()).isEqualTo("recon/pager-budget/pagerduty/1");
        assertThat(summary.getBreaks()).isEqualTo(3);
        assertThat(summary.getAmountAtRiskMinor()).isEqualTo(Map.of("USD", 300L));
        assertThat(summary.getSummary())
                .startsWith("3 pages held back by the pagerduty budget (3/min)")
                .contains("3 amount-match")
                .contains("3.00 USD at risk");
    }

    @Test
    void aHeldPageIsSentAsATriggerWhenItsUpdateFitsTheNextWindow() throws Exception {
        send(page(PageAction.TRIGGER, "m-1"));
        send(page(PageAction.TRIGGER, "m-2"));
        send(page(PageAction.TRIGGER, "m-3"));
        send(page(PageAction.REFRESH, "m-3"));
        assertThat(drain()).hasSize(2);

        h.setProcessingTime(BudgetLogic.WINDOW_MS + 1);
        drain(); // the summary
        send(page(PageAction.UPDATE, "m-3"));
        List<PageEvent> out = drain();
        assertThat(out).extracting(PageEvent::getAction).containsExactly(PageAction.TRIGGER);
        assertThat(out.get(0).getMerchantId()).isEqualTo("m-3");
    }

    @Test
    void refreshesAndResolvesGoOnlyToPagesThatWereSent() throws Exception {
        send(page(PageAction.TRIGGER, "m-1"));
        send(page(PageAction.TRIGGER, "m-2"));
        send(page(PageAction.TRIGGER, "m-3")); // held
        drain();
        send(page(PageAction.REFRESH, "m-1"));
        send(page(PageAction.REFRESH, "m-3"));
        send(page(PageAction.RESOLVE, "m-1"));
        send(page(PageAction.RESOLVE, "m-3"));
        assertThat(drain())
                .extracting(p -> p.getAction() + " " + p.getMerchantId())
                .as("a resolve is sent even when the budget is spent")
                .containsExactly("REFRESH m-1", "RESOLVE m-1");
    }

    @Test
    void aBudgetBelowTwoIsRefusedWithTheReason() {
        assertThatThrownBy(() -> new PageBudgetFunction(1, Duration.ofHours(1)))
                .hasMessageContaining("at least 2 pages per minute");
    }

    private void send(PageEvent p) throws Exception {
        h.processElement(new StreamRecord<>(p));
    }

    private List<PageEvent> drain() {
        List<PageEvent> out = new ArrayList<>(h.extractOutputValues());
        h.getOutput().clear();
        return out;
    }
}
