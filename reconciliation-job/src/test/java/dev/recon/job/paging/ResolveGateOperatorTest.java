package dev.recon.job.paging;

import dev.recon.model.avro.PageAction;
import dev.recon.model.avro.PageEvent;

import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.recon.job.paging.TestPages.page;
import static org.assertj.core.api.Assertions.assertThat;

/** Tests for {@link ResolveGateOperator}: a resolve leaves only once its checkpoint completed. */
class ResolveGateOperatorTest {

    @Test
    void triggersPassAtOnceAndResolvesWaitForTheirCheckpoint() throws Exception {
        try (var h = new OneInputStreamOperatorTestHarness<>(new ResolveGateOperator(true))) {
            h.open();
            h.processElement(new StreamRecord<>(page(PageAction.TRIGGER, "m-1")));
            h.processElement(new StreamRecord<>(page(PageAction.RESOLVE, "m-1")));
            assertThat(drain(h))
                    .extracting(PageEvent::getAction)
                    .containsExactly(PageAction.TRIGGER);

            h.snapshot(1, 1);
            h.processElement(new StreamRecord<>(page(PageAction.RESOLVE, "m-2")));
            h.snapshot(2, 2);
            assertThat(drain(h)).as("checkpoint 1 not complete yet").isEmpty();

            h.notifyOfCompletedCheckpoint(1);
            assertThat(drain(h)).extracting(PageEvent::getMerchantId).containsExactly("m-1");
            h.notifyOfCompletedCheckpoint(2);
            assertThat(drain(h)).extracting(PageEvent::getMerchantId).containsExactly("m-2");
        }
    }

    @Test
    void resolvesInTheRestoredCheckpointAreReleasedAfterTheRestore() throws Exception {
        OperatorSubtaskState snapshot;
        try (var h = new OneInputStreamOperatorTestHarness<>(new ResolveGateOperator(true))) {
            h.open();
            h.processElement(new StreamRecord<>(page(PageAction.RESOLVE, "m-1")));
            snapshot = h.snapshot(1, 1);
            assertThat(drain(h)).as("failed before checkpoint 1 was confirmed").isEmpty();
        }
        try (var h = new OneInputStreamOperatorTestHarness<>(new ResolveGateOperator(true))) {
            h.initializeState(snapshot);
            h.open();
            h.setProcessingTime(1);
            assertThat(drain(h)).extracting(PageEvent::getMerchantId).containsExactly("m-1");
        }
    }

    @Test
    void withoutCheckpointsResolvesPassAtOnce() throws Exception {
        try (var h = new OneInputStreamOperatorTestHarness<>(new ResolveGateOperator(false))) {
            h.open();
            h.processElement(new StreamRecord<>(page(PageAction.RESOLVE, "m-1")));
            assertThat(drain(h)).hasSize(1);
        }
    }

    private static List<PageEvent> drain(
            OneInputStreamOperatorTestHarness<PageEvent, PageEvent> h) {
        List<PageEvent> out = new ArrayList<>(h.extractOutputValues());
        h.getOutput().clear();
        return out;
    }
}
