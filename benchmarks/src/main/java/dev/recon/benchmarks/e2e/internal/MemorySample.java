package dev.recon.benchmarks.e2e.internal;

import com.sun.management.GarbageCollectorMXBean;
import com.sun.management.GcInfo;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * One sample of the memory run, bytes unless named otherwise.
 *
 * @param seconds since the load started
 * @param heapUsed heap in use now (this JVM: MiniCluster, generator, harness)
 * @param heapAfterGc heap in use after the latest garbage collection
 * @param rocksdb RocksDB SST files plus memtables, every column family
 * @param keys RocksDB's estimate of the keys in the state column families (timers excluded)
 * @param checkpoints size of the checkpoint folder (incremental: shared SST files + metadata)
 * @param pending keys waiting for their counterpart (the engine's {@code pendingEntries} gauges)
 * @param restarts the job's restarts so far (Flink's {@code numRestarts})
 * @param completed checkpoints completed so far
 * @param failed checkpoints failed (or expired) so far
 */
public record MemorySample(
        long seconds,
        long heapUsed,
        long heapAfterGc,
        long rocksdb,
        long keys,
        long checkpoints,
        long pending,
        long restarts,
        long completed,
        long failed) {

    /** Samples now. */
    public static MemorySample take(long seconds, Path checkpointDir) {
        return new MemorySample(
                seconds,
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
                afterGc(),
                TallyReporter.rocksdb("total-sst-files-size", true)
                        + TallyReporter.rocksdb("cur-size-all-mem-tables", true),
                TallyReporter.rocksdb("estimate-num-keys", false),
                size(checkpointDir),
                TallyReporter.pending(),
                TallyReporter.job("numRestarts"),
                TallyReporter.job("numberOfCompletedCheckpoints"),
                TallyReporter.job("numberOfFailedCheckpoints"));
    }

    /** A Markdown table row. */
    public String markdown() {
        return String.format(
                "| %d | %.0f | %.0f | %.1f | %,d | %.1f | %,d | %d | %d / %d |",
                seconds,
                heapUsed / 1e6,
                heapAfterGc / 1e6,
                rocksdb / 1e6,
                keys,
                checkpoints / 1e6,
                pending,
                restarts,
                completed,
                failed);
    }

    private static long afterGc() {
        long latest = -1;
        long used = -1;
        for (var b : ManagementFactory.getGarbageCollectorMXBeans()) {
            // G1's "Concurrent GC" bean reports the pools of a cycle that frees nothing itself
            if (b instanceof GarbageCollectorMXBean g
                    && !g.getName().contains("Concurrent")
                    && g.getLastGcInfo() != null) {
                GcInfo info = g.getLastGcInfo();
                if (info.getEndTime() > latest) {
                    latest = info.getEndTime();
                    used = 0;
                    for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
                        MemoryUsage u = info.getMemoryUsageAfterGc().get(pool.getName());
                        if (pool.getType() == MemoryType.HEAP && u != null) {
                            used += u.getUsed(); // the map also holds metaspace and code
                        }
                    }
                }
            }
        }
        return used;
    }

    private static long size(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .mapToLong(
                            p -> {
                                try {
                                    return Files.size(p);
                                } catch (java.io.IOException e) {
                                    return 0; // deleted while walking
                                }
                            })
                    .sum();
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return 0;
        }
    }
}
