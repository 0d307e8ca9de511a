package dev.recon.job.stoploss;

import dev.recon.model.avro.Alert;
import dev.recon.model.avro.AlertAction;
import dev.recon.model.avro.RuleMode;
import dev.recon.model.avro.StopLossAction;
import dev.recon.model.avro.StopLossProposal;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.recon.job.stoploss.StopLossFixtures.WINDOW;
import static dev.recon.job.stoploss.StopLossFixtures.alert;
import static org.assertj.core.api.Assertions.assertThat;

/** Tests for {@link StopLossTriggerFunction}: window, threshold, replay, shadow, clean-up. */
class StopLossTriggerFunctionTest {
    private KeyedOneInputStreamOperatorTestHarness<String, Alert, StopLossProposal> h;

    @BeforeEach
    void setUp() throws Exception {
        h = harness(null);
    }

    @AfterEach
    void tearDown() throws Exception {
        h.close();
    }

    @Test
    void proposesWhenTheSumInTheWindowExceedsTheThresholdThenStartsAfresh() throws Exception {
        h.setProcessingTime(1_000);
        send(alert("a1", "m-1", 400, 1_000, 1_000));
        send(alert("a2", "m-1", 600, 1_000, 1_000));
        assertThat(h.extractOutputValues()).as("1000 is not more than 1000").isEmpty();
        send(alert("a3", "m-1", 1, 1_000, 1_000));
        List<StopLossProposal> out = h.extractOutputValues();
        assertThat(out)
                .singleElement()
                .satisfies(
                        p -> {
                            assertThat(p.getTarget()).isEqualTo("m-1");
                            assertThat(p.getAction()).isEqualTo(StopLossAction.BLOCK);
                            assertThat(p.getEvidenceAmountMinor()).isEqualTo(1_001);
                            assertThat(p.getBreakCount()).isEqualTo(3);
                            assertThat(p.getEvidenceAlertIds())
                                    .containsExactlyInAnyOrder("a1", "a2", "a3");
                            assertThat(p.getRuleId()).isEqualTo("amount-match");
                        });
        send(alert("a4", "m-1", 999, 1_000, 1_000));
        assertThat(h.extractOutputValues()).as("a fresh window after a proposal").hasSize(1);
        h.setProcessingTime(1_000 + WINDOW);
        assertZeroStateAndTimers();
    }

    @Test
    void breaksOlderThanTheWindowNoLongerCount() throws Exception {
        h.setProcessingTime(0);
        send(alert("a1", "m-1", 800, 0, 1_000));
        h.setProcessingTime(WINDOW + 10);
        send(alert("a2", "m-1", 800, WINDOW + 10, 1_000));
        send(alert("old", "m-1", 5_000, 5, 1_000)); // decided before the window began
        assertThat(h.extractOutputValues()).isEmpty();
        send(alert("a3", "m-1", 300, WINDOW + 10, 1_000));
        assertThat(h.extractOutputValues())
                .singleElement()
                .extracting(StopLossProposal::getEvidenceAlertIds)
                .isEqualTo(List.of("a2", "a3"));
        h.setProcessingTime(3 * WINDOW);
        assertZeroStateAndTimers();
    }

    @Test
    void thresholdZeroActsOnTheFirstBreakAndTargetsAreSeparate() throws Exception {
        send(alert("a1", "m-1", 0, 0, 0));
        send(alert("a2", "m-2", 7, 0, 0));
        assertThat(h.extractOutputValues())
                .extracting(StopLossProposal::getTarget)
                .containsExactly("m-1", "m-2");
    }

    @Test
    void aReplayedAlertCountsOnceAlsoAfterARestore() throws Exception {
        send(alert("a1", "m-1", 600, 0, 1_000));
        send(alert("a1", "m-1", 600, 0, 1_000));
        assertThat(h.extractOutputValues()).as("the same alert twice is 600, not 1200").isEmpty();
        OperatorSubtaskState snapshot = h.snapshot(1, 1);
        send(alert("a2", "m-1", 600, 0, 1_000));
        assertThat(h.extractOutputValues()).hasSize(1);
        h.close();

        h = harness(snapshot); // restore, then the input after the checkpoint is replayed
        send(alert("a1", "m-1", 600, 0, 1_000));
        send(alert("a2", "m-1", 600, 0, 1_000));
        send(alert("a2", "m-1", 600, 0, 1_000));
        assertThat(h.extractOutputValues()).as("one proposal again, not two").hasSize(1);
        send(alert("a1", "m-1", 600, 0, 1_000));
        send(alert("a2", "m-1", 600, 0, 1_000));
        assertThat(h.extractOutputValues()).as("spent breaks do not count again").hasSize(1);
        h.setProcessingTime(WINDOW);
        assertZeroStateAndTimers();
    }

    @Test
    void shadowAlertsNeverActAndAResolveTakesABreakOut() throws Exception {
        Alert shadow = alert("s1", "m-1", 5_000, 0, 1_000);
        shadow.setMode(RuleMode.SHADOW);
        send(shadow);
        assertThat(h.extractOutputValues()).isEmpty();
        assertZeroStateAndTimers();

        send(alert("a1", "m-1", 900, 0, 1_000));
        Alert resolve = alert("a1", "m-1", 900, 0, 1_000);
        resolve.setAction(AlertAction.RESOLVE);
        send(resolve);
        send(alert("a2", "m-1", 900, 0, 1_000));
        assertThat(h.extractOutputValues()).as("900 resolved, 900 at risk").isEmpty();
        h.setProcessingTime(WINDOW);
        assertZeroStateAndTimers();
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, Alert, StopLossProposal> harness(
            OperatorSubtaskState snapshot) throws Exception {
        var harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new StopLossTriggerFunction()),
                        StopLossTriggerFunction::keyOf,
                        Types.STRING);
        if (snapshot != null) {
            harness.setup();
            harness.initializeState(snapshot);
        }
        harness.open();
        return harness;
    }

    private void send(Alert a) throws Exception {
        h.processElement(a, 0L);
    }

    private void assertZeroStateAndTimers() {
        assertThat(h.numKeyedStateEntries()).as("keyed state entries").isZero();
        assertThat(h.numProcessingTimeTimers()).as("processing-time timers").isZero();
    }
}
