package dev.recon.benchmarks.e2e.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A run's work folder goes away after the run, unless it holds stall dumps. */
class WorkDirTest {
    @Test
    void removesStateAndCheckpointsButKeepsStallDumps(@TempDir Path tmp) throws Exception {
        Path work = Files.createDirectories(tmp.resolve("recon-bench-1"));
        Files.createDirectories(work.resolve("bench-live-1/rocksdb/db"));
        Files.writeString(work.resolve("bench-live-1/rocksdb/db/000001.sst"), "x");
        Files.createDirectories(work.resolve("checkpoints/chk-3"));
        Files.createDirectories(work.resolve("stalls/stall-1-rocksdb"));
        Files.writeString(work.resolve("stalls/stall-1-harness.txt"), "dump");
        Files.writeString(work.resolve("stalls/stall-1-rocksdb/LOG-1"), "log");

        assertThat(WorkDir.clean(work)).isEqualTo(work.resolve("stalls"));

        try (var left = Files.walk(work)) {
            assertThat(left.map(p -> work.relativize(p).toString()))
                    .containsExactlyInAnyOrder(
                            "",
                            "stalls",
                            "stalls/stall-1-harness.txt",
                            "stalls/stall-1-rocksdb",
                            "stalls/stall-1-rocksdb/LOG-1");
        }
    }

    @Test
    void removesTheWholeFolderWithoutStalls(@TempDir Path tmp) throws Exception {
        Path work = Files.createDirectories(tmp.resolve("recon-bench-2"));
        Files.createDirectories(work.resolve("rocksdb/job_1/db"));
        Files.writeString(work.resolve("rocksdb/job_1/db/CURRENT"), "MANIFEST-1");

        assertThat(WorkDir.clean(work)).isNull();
        assertThat(work).doesNotExist();
    }
}
