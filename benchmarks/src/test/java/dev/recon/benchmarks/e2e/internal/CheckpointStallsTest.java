package dev.recon.benchmarks.e2e.internal;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The checkpoint stalls are read from Flink's own DEBUG line, for the named task only. */
class CheckpointStallsTest {
    private static final Logger FLINK =
            LogManager.getLogger(
                    "org.apache.flink.streaming.runtime.tasks.SubtaskCheckpointCoordinatorImpl");

    @Test
    void recordsTheSyncPartAndTheAlignmentOfTheNamedTask() {
        CheckpointStalls.install();
        long from = System.currentTimeMillis();
        // The format string of Flink 2.2's SubtaskCheckpointCoordinatorImpl.
        String format =
                "{} - finished synchronous part of checkpoint {}. Alignment duration: {} ms,"
                        + " snapshot duration {} ms, is unaligned checkpoint : {}";
        FLINK.debug(format, "match payments with bills -> (alerts) (1/2)#0", 7, 120, 430, false);
        FLINK.debug(format, "match payments with bills -> (alerts) (2/2)#0", 7, 30, 610, false);
        FLINK.debug(format, "storm control (1/2)#0", 7, 900, 900, false);
        long to = System.currentTimeMillis();

        List<CheckpointStalls.Stall> matcher =
                CheckpointStalls.of("match payments with bills", from, to);

        assertThat(matcher).extracting(CheckpointStalls.Stall::syncMs).containsExactly(430L, 610L);
        assertThat(matcher).allSatisfy(s -> assertThat(s.checkpoint()).isEqualTo(7));
        assertThat(CheckpointStalls.summary(matcher)).isEqualTo("430 / 610, 120 (n=2)");
        assertThat(CheckpointStalls.of("match payments with bills", to + 1, to + 2)).isEmpty();
        assertThat(CheckpointStalls.summary(List.of())).isEqualTo("-");
    }
}
