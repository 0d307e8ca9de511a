package dev.recon.benchmarks.e2e.internal;

import dev.recon.benchmarks.e2e.BenchOptions;
import dev.recon.benchmarks.e2e.internal.ThroughputCases.Outcome;
import dev.recon.job.rules.RuleSetProvider;

import org.apache.flink.configuration.Configuration;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cases e, f and h against one real broker: end to end from Kafka, detection latency (with the
 * levers), memory over a long run. Adds their figures and verdicts to {@link Results}.
 */
public final class KafkaCases {
    /** The hand-written job's deadline, the default rule file's ({@code deadline 5s}). */
    private static final long DEADLINE_MS = 5_000;

    private final BenchOptions o;
    private final Results r;
    private final Path work;

    /** Runs the selected Kafka cases of {@code o} into {@code r}, using {@code work}. */
    public KafkaCases(BenchOptions o, Results r, Path work) {
        this.o = o;
        this.r = r;
        this.work = work;
    }

    /** Runs e (or only its engine part when f or h need the max rate), then f, then h. */
    public void run(Configuration config, RuleSetProvider rules) throws Exception {
        try (BenchBroker broker = BenchBroker.start()) {
            System.out.println("broker at " + broker.servers());
            double max = o.maxRate();
            if (o.cases().contains("e") || max == 0) {
                max = endToEnd(new EndToEndCase(config, o.parallelism(), broker), rules);
            }
            String source = o.maxRate() > 0 ? "--max-rate" : "e";
            if (o.maxRate() == 0 && (o.cases().contains("f") || o.cases().contains("h"))) {
                double backlog = max;
                max = sustained(broker, backlog);
                source = String.format("probed live; e read its backlog at %,.0f", backlog);
            }
            if (o.cases().contains("f")) {
                latency(
                        new LatencyCase(
                                broker,
                                work,
                                o.phase(),
                                o.quick() ? Duration.ZERO : o.phase(),
                                o.out().resolve("f-alerts.csv")),
                        max,
                        source);
            }
            if (o.cases().contains("h")) {
                memory(broker, max);
            }
        }
    }

    private double endToEnd(EndToEndCase e, RuleSetProvider rules) throws Exception {
        e.preload(o.kafkaPairs());
        List<Outcome> warmUp = new ArrayList<>(List.of(e.engine(rules), e.readOnly()));
        if (!o.quick() && o.cases().contains("e")) {
            warmUp.add(e.handWritten(DEADLINE_MS));
        }
        for (Outcome warm : warmUp) { // Kafka clients' JIT
            System.out.printf(
                    "warm-up %-24s %,12.0f events/s (not recorded)%n", warm.name(), warm.rate());
        }
        Outcome engine = e.engine(rules);
        print(engine);
        r.add(engine);
        if (!o.cases().contains("e")) {
            return engine.rate();
        }
        Outcome read = e.readOnly();
        print(read);
        r.add(read);
        r.ratio(
                "e: engine from Kafka at least 0.5x the read-and-deserialize-only job",
                engine.name(),
                read.name(),
                0.5);
        if (!o.quick()) { // what a user would otherwise write, end to end: full runs only
            Outcome hand = e.handWritten(DEADLINE_MS);
            print(hand);
            r.add(hand);
            r.ratio(
                    "(informative) e: engine vs hand-written, both from Kafka",
                    engine.name(),
                    hand.name(),
                    0);
            r.ratio(
                    "(informative) e: hand-written from Kafka vs read-and-deserialize-only",
                    hand.name(),
                    read.name(),
                    0);
        }
        return o.maxRate() > 0 ? o.maxRate() : engine.rate();
    }

    /**
     * The rate f and h take their shares of: the highest rate the job keeps up with live (generator
     * and broker on the same machine), probed up to e's backlog rate {@code upper}.
     */
    private double sustained(BenchBroker broker, double upper) throws Exception {
        SustainedRate probe =
                new SustainedRate(
                        broker, work, o.quick() ? Duration.ofSeconds(4) : o.phase(), !o.quick());
        SustainedRate.Outcome s =
                o.quick()
                        ? probe.find(upper, 0.2, 0.4, 0.6, 0.8, 1.0)
                        : probe.find(upper, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0);
        StringBuilder md =
                new StringBuilder(
                        String.format(
                                "### Max sustained rate, live: %,.0f events/s%n%n"
                                        + "Steps of rising rate up to e's backlog rate %,.0f"
                                        + " events/s (a step is kept up with when the generator"
                                        + " reached it, every alert arrived and the mismatch"
                                        + " median grew by at most %d ms over the step):%n%n",
                                s.rate(), upper, SustainedRate.GROWTH_MS));
        s.steps().forEach(x -> md.append("- ").append(x.line()).append('\n'));
        r.section(md.toString());
        r.verdict(
                "(informative) max sustained rate, live, against e's backlog rate",
                String.format("%,.0f of %,.0f events/s", s.rate(), upper),
                null);
        return s.rate() > 0 ? s.rate() : s.steps().get(0).target();
    }

    private void latency(LatencyCase f, double max, String source) throws Exception {
        List<LatencyRow> rows =
                f.run(
                        "as deployed (checkpoints 10 s, aligned; buffer timeout 100 ms)",
                        10_000,
                        Map.of(),
                        max,
                        o.quick() ? new double[] {0.5, 0.8} : new double[] {0.25, 0.5, 0.8});
        LatencyChart.write(
                o.out().resolve("latency.png"),
                rows,
                String.format(
                        "mismatch detection latency vs rate (max sustained %,.0f events/s)", max));
        LatencyRow at50 = rows.get(rows.size() - 2);
        LatencyRow at80 = rows.get(rows.size() - 1);
        long p99at80 = at80.mismatch().percentile(99);
        long p99at50 = at50.mismatch().percentile(99);
        long p50 = Math.max(at50.mismatch().percentile(50), at80.mismatch().percentile(50));
        r.verdict("f: p99 at 80% at most 1 s", p99at80 + " ms", ok(p99at80, 1000));
        r.verdict("f: p99 at 50% at most 300 ms", p99at50 + " ms", ok(p99at50, 300));
        r.verdict("f: p50 under 100 ms (50% and 80%)", p50 + " ms", ok(p50, 99));
        long miss = Math.max(at50.missing().percentile(100), at80.missing().percentile(100));
        r.verdict(
                "f: missing-counterpart alert within 1 s of its deadline (max)",
                miss + " ms",
                ok(miss, 1000));
        if (!o.quick()) {
            for (Map.Entry<String, Lever> l : levers().entrySet()) {
                if (!o.runsLever(l.getKey())) {
                    continue;
                }
                rows.addAll(
                        f.run(
                                l.getKey(),
                                l.getValue().checkpointMs(),
                                l.getValue().settings(),
                                l.getValue().args(),
                                max,
                                0.25,
                                0.8));
            }
        }
        StringBuilder md =
                new StringBuilder(
                        String.format(
                                "### f: detection latency (max sustained rate %,.0f events/s,"
                                        + " %s)%n%n",
                                max, source));
        md.append(LatencyRow.header());
        rows.forEach(x -> md.append(x.markdown()).append('\n'));
        r.section(md.toString());
    }

    private record Lever(long checkpointMs, Map<String, String> settings, List<String> args) {
        Lever(long checkpointMs, Map<String, String> settings) {
            this(checkpointMs, settings, List.of());
        }
    }

    private static Map<String, Lever> levers() {
        Map<String, Lever> l = new LinkedHashMap<>();
        l.put("lever: checkpoints 1 s", new Lever(1_000, Map.of()));
        l.put(
                "lever: buffer timeout 10 ms (deployed 100 ms)",
                new Lever(10_000, Map.of("execution.buffer-timeout.interval", "10 ms")));
        l.put(
                "lever: heap timers (RocksDB state)",
                new Lever(10_000, Map.of("state.backend.rocksdb.timer-service.factory", "HEAP")));
        l.put(
                "lever: unaligned checkpoints (deployed aligned)",
                new Lever(10_000, Map.of("execution.checkpointing.unaligned.enabled", "true")));
        l.put(
                "lever: RocksDB write buffers 64 MB (deployed 8 MB)",
                new Lever(10_000, Map.of("state.backend.rocksdb.writebuffer.size", "64 mb")));
        l.put(
                "lever: Snappy in every level (deployed: none in L0 and L1)",
                new Lever(
                        10_000,
                        Map.of(
                                "state.backend.rocksdb.compression.per.level",
                                "SNAPPY_COMPRESSION")));
        l.put(
                "lever: no lag hold (deployed 5 min)",
                new Lever(10_000, Map.of(), List.of("--lag-hold-ms", "0")));
        return l;
    }

    private void memory(BenchBroker broker, double max) throws Exception {
        Duration retention = o.quick() ? Duration.ofSeconds(15) : Duration.ofMinutes(2);
        MemoryCase.Outcome h =
                MemoryCase.run(
                        broker,
                        work,
                        max * 0.5,
                        o.memoryRun(),
                        Duration.ofSeconds(o.quick() ? 5 : 15),
                        retention);
        List<MemorySample> s = h.samples();
        double heap = MemoryCase.drift(s, MemorySample::heapAfterGc);
        double rocks = MemoryCase.drift(s, MemorySample::rocksdb);
        r.verdict(
                "h: heap flat (after-GC heap, last third vs middle third within 20%)",
                String.format("%.2fx", heap), Math.abs(heap - 1) <= 0.2);
        r.verdict(
                "h: state flat (RocksDB bytes, last third vs middle third within 20%)",
                String.format("%.2fx", rocks), Math.abs(rocks - 1) <= 0.2);
        r.verdict(
                "h: state bytes per key (RocksDB SST + memtables / estimated keys; checkpoint)",
                String.format(
                        "%.0f B; checkpoint %.0f B", h.bytesPerKey(), h.checkpointBytesPerKey()),
                null);
        StringBuilder md =
                new StringBuilder(
                        String.format(
                                "### h: memory, %d s at %,.0f events/s, retention %d s, faults %.1f%% per class%n%n",
                                o.memoryRun().toSeconds(),
                                h.rate(),
                                retention.toSeconds(),
                                MemoryCase.FAULTS * 100));
        md.append(
                "| s | heap MB | heap after GC MB | RocksDB MB | state keys | checkpoint MB | pending"
                        + " | restarts | checkpoints done / failed |\n");
        md.append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        s.forEach(x -> md.append(x.markdown()).append('\n'));
        md.append(
                h.failures().isEmpty()
                        ? "\nNo task failed and the job did not restart.\n"
                        : "\nFailures and restarts (Flink's log):\n\n");
        h.failures().forEach(f -> md.append("- ").append(f).append('\n'));
        h.failures().forEach(f -> System.out.println("  failure: " + f));
        r.section(md.toString());
    }

    private static Boolean ok(long ms, long max) {
        return ms >= 0 && ms <= max;
    }

    private static void print(Outcome out) {
        System.out.printf(
                "%-24s %,12.0f events/s %6.1f s %s%n",
                out.name(), out.rate(), out.seconds(), out.counts());
        System.out.print(TaskTimes.describe(out.taskTimes()));
        System.out.println("    cpu s: " + ThreadCpu.describe(out.threadCpu()));
    }
}
