package dev.recon.benchmarks.e2e.internal;

import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A job whose checkpoint count stops moving gets thread dumps and a profile; a moving one not. */
class StallWatchTest {
    private volatile long completed = 3;
    private volatile boolean spin = true;

    @AfterEach
    void forget() {
        spin = false;
        TallyReporter.forgetAll();
    }

    @Test
    void dumpsAndProfilesOnlyOnceCheckpointsStop(@TempDir Path dir) throws Exception {
        Gauge<Long> checkpoints = () -> completed;
        new TallyReporter()
                .notifyOfAddedMetric(
                        checkpoints,
                        "numberOfCompletedCheckpoints",
                        new UnregisteredMetricsGroup());
        Thread busy = new Thread(this::spin, "match payments with bills (1/2)#0");
        busy.setDaemon(true);
        busy.start();
        try (StallWatch watch = StallWatch.start(dir, 5_000, 1, 300)) {
            for (int i = 0; i < 4; i++) { // moving: no dump
                Thread.sleep(1_500);
                completed++;
            }
            assertThat(watch.dumps()).isZero();
            long deadline = System.currentTimeMillis() + 20_000;
            while (watch.dumps() == 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(200);
            }
            assertThat(watch.dumps()).isEqualTo(1);
        }
        assertThat(Files.readString(dir.resolve("stall-1-harness.txt")))
                .startsWith("stalled ")
                .contains("\"match payments with bills (1/2)#0\" RUNNABLE");
        Path profile = dir.resolve("stall-1-profile.txt");
        assertThat(Files.readString(profile))
                .contains("threads 'match payments*'")
                .contains("1/2 RUNNABLE: ")
                .contains("CPU s in this JVM: ");
    }

    private void spin() {
        long x = 0;
        while (spin) {
            x += System.nanoTime() % 7;
        }
        if (x == 42) {
            System.out.println(x);
        }
    }
}
