package dev.recon.benchmarks.e2e.internal;

import dev.recon.loadgen.GroundTruth;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Case h: the engine as deployed at a fixed rate with a share of never-matched records (dropped
 * bills, orphan bills), sampled every {@code every}: heap, RocksDB size and keys, checkpoint size.
 */
public final class MemoryCase {
    /** Per fault class; 2 of the 9 classes never match (about 0.4% of the payments). */
    static final double FAULTS = 0.002;

    /** The samples and the setup of one run. */
    public record Outcome(
            List<MemorySample> samples, double rate, Duration retention, List<String> failures) {
        /** RocksDB bytes per state key at the last sample (NaN without keys). */
        public double bytesPerKey() {
            MemorySample s = samples.get(samples.size() - 1);
            return s.keys() == 0 ? Double.NaN : (double) s.rocksdb() / s.keys();
        }

        /** Checkpoint bytes per state key at the last sample (NaN without keys). */
        public double checkpointBytesPerKey() {
            MemorySample s = samples.get(samples.size() - 1);
            return s.keys() == 0 ? Double.NaN : (double) s.checkpoints() / s.keys();
        }
    }

    private MemoryCase() {}

    /** Runs {@code run} long at {@code rate} events/s with the given key retention. */
    public static Outcome run(
            BenchBroker broker,
            Path work,
            double rate,
            Duration run,
            Duration every,
            Duration retention)
            throws Exception {
        long paymentsPerS = Math.max(1, Math.round(rate / 2));
        List<MemorySample> samples = new ArrayList<>();
        JobFailures.install();
        JobFailures.take();
        CheckpointStalls.install();
        List<String> extra = extraProperties();
        try (StallWatch watch = StallWatch.start(work.resolve("stalls"), 30_000, 8, 10_000);
                MatcherPace pace = new MatcherPace();
                LiveJob job =
                        LiveJob.start(
                                broker,
                                work,
                                10_000,
                                List.of("--retention-ms", Long.toString(retention.toMillis())),
                                Map.of())) {
            long start = System.currentTimeMillis();
            CompletableFuture<GroundTruth> load =
                    CompletableFuture.supplyAsync(
                            () ->
                                    broker.send(
                                            paymentsPerS * run.toSeconds(),
                                            paymentsPerS,
                                            FAULTS,
                                            "bench_h_" + Long.toString(start, 36)));
            long next = start + every.toMillis();
            while (!load.isDone()) {
                Thread.sleep(Math.max(1, Math.min(200, next - System.currentTimeMillis())));
                if (System.currentTimeMillis() >= next) {
                    MemorySample s = MemorySample.take((next - start) / 1000, job.checkpoints());
                    samples.add(s);
                    System.out.println("  " + s.markdown() + diagnostics(extra, next, every, pace));
                    next += every.toMillis();
                }
            }
            load.get();
            if (watch.dumps() > 0) {
                java.nio.file.Files.copy(
                        broker.logFile(),
                        work.resolve("stalls").resolve("broker.log"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return new Outcome(samples, rate, retention, JobFailures.take());
    }

    /**
     * RocksDB properties to print with each sample, by hand: {@code -Dbench.h.rocksdb=a,b} (each
     * also enabled with {@code -Dbench.flink.state.backend.rocksdb.metrics.<name>=true}).
     */
    private static List<String> extraProperties() {
        String p = System.getProperty("bench.h.rocksdb", "");
        return p.isBlank() ? List.of() : List.of(p.split(","));
    }

    /** The matcher's pace, its checkpoints in the last interval and extra RocksDB properties. */
    private static String diagnostics(
            List<String> extra, long now, Duration every, MatcherPace pace) {
        StringBuilder sb =
                new StringBuilder("  ")
                        .append(pace.next())
                        .append("  matcher checkpoints (sync p50 / max, align max): ")
                        .append(
                                CheckpointStalls.summary(
                                        CheckpointStalls.of(
                                                "match payments", now - every.toMillis(), now)));
        extra.forEach(
                p -> sb.append("  ").append(p).append(' ').append(TallyReporter.rocksdb(p, true)));
        return sb.toString();
    }

    /**
     * Flatness: the mean of {@code metric} over the last third of the samples against the middle
     * third; returns last / middle (NaN with fewer than 3 samples).
     */
    public static double drift(
            List<MemorySample> s, java.util.function.ToLongFunction<MemorySample> metric) {
        int n = s.size();
        if (n < 3) {
            return Double.NaN;
        }
        double middle = s.subList(n / 3, 2 * n / 3).stream().mapToLong(metric).average().orElse(0);
        double last = s.subList(2 * n / 3, n).stream().mapToLong(metric).average().orElse(0);
        return last / middle;
    }
}
