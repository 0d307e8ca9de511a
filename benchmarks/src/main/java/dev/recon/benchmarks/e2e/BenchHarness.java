package dev.recon.benchmarks.e2e;

import dev.recon.benchmarks.BenchMain;
import dev.recon.benchmarks.e2e.internal.Expected;
import dev.recon.benchmarks.e2e.internal.KafkaCases;
import dev.recon.benchmarks.e2e.internal.LocalEnv;
import dev.recon.benchmarks.e2e.internal.Results;
import dev.recon.benchmarks.e2e.internal.TaskTimes;
import dev.recon.benchmarks.e2e.internal.ThreadCpu;
import dev.recon.benchmarks.e2e.internal.ThroughputCases;
import dev.recon.benchmarks.e2e.internal.ThroughputCases.Outcome;
import dev.recon.benchmarks.e2e.internal.WorkDir;
import dev.recon.job.rules.BundleRuleSetProvider;
import dev.recon.job.rules.RuleSetProvider;
import dev.recon.rules.dsl.Compilation;
import dev.recon.rules.dsl.RuleBundle;
import dev.recon.rules.dsl.RuleCompiler;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./recon bench}: runs the benchmark cases in one JVM on the same generated pairs and writes
 * {@code results.csv} and {@code results.md} with the ratios.
 *
 * <pre>
 * usage: BenchHarness [--quick] [--cases a,b,c,d,e,f,g,h] [--pairs N] [--rounds N] [--out DIR]
 *                     [--rules FILE] [--checkpoint-interval-ms MS] [--kafka-pairs N]
 *                     [--max-rate EVENTS_PER_S] [--phase-s S] [--memory-s S] [--levers W,..]
 * </pre>
 */
public final class BenchHarness {
    static final String USAGE =
            "usage: ./recon bench [--quick] [--cases a,b,c,d,e,f,g,h] [--pairs N] [--rounds N]"
                    + " [--out DIR] [--rules FILE] [--checkpoint-interval-ms MS]\n"
                    + "                     [--kafka-pairs N] [--max-rate EVENTS_PER_S]"
                    + " [--phase-s S] [--memory-s S] [--levers WORD,..|none]";

    private BenchHarness() {}

    /** Runs the cases; exit 0 even when a target is missed (that is a figure, not a failure). */
    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        BenchOptions o;
        try {
            o = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        }
        if (o == null) {
            System.out.println(USAGE);
            return;
        }
        try {
            rules(o.rules()); // a rule file that does not compile would fail every job's start
        } catch (IllegalArgumentException | IOException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
            return;
        }
        Results r = run(o);
        r.write(o.out());
        System.out.println(Files.readString(o.out().resolve("results.md")));
        Path chart = o.out().resolve("latency.png");
        if (Files.exists(chart) && Files.isDirectory(Path.of("benchmarks"))) {
            Files.copy(
                    chart,
                    Path.of("benchmarks/latency.png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        if (o.cases().contains("g")) {
            BenchMain.main(o.quick() ? new String[] {"--quick"} : new String[0]);
        }
    }

    /** Runs the throughput cases a to d, {@code rounds} times interleaved. */
    public static Results run(BenchOptions o) throws Exception {
        Path work = Files.createTempDirectory("recon-bench-");
        RuleSetProvider rules = rules(o.rules());
        ThroughputCases tc =
                new ThroughputCases(
                        LocalEnv.config(work, o.checkpointInterval()),
                        o.parallelism(),
                        o.pairs(),
                        5_000);
        Results r =
                new Results(
                        String.format(
                                "Flink 2.2.1 local MiniCluster, parallelism %d, %,d pairs (%,d"
                                        + " events) per case, RocksDB (incremental), checkpoints"
                                        + " every %d ms, JDK %s, %d cpus, %d round(s)",
                                o.parallelism(),
                                o.pairs(),
                                Expected.of(o.pairs()).events(),
                                o.checkpointInterval().toMillis(),
                                System.getProperty("java.version"),
                                Runtime.getRuntime().availableProcessors(),
                                o.rounds()));
        warmUp(
                o,
                new ThroughputCases(
                        LocalEnv.config(work, o.checkpointInterval()),
                        o.parallelism(),
                        warmUpPairs(o),
                        5_000),
                rules);
        boolean throughput = o.cases().stream().anyMatch(List.of("a", "b", "c", "d")::contains);
        for (int round = 1; throughput && round <= o.rounds(); round++) {
            for (String c : List.of("a", "b", "c", "d")) {
                if (!o.cases().contains(c)) {
                    continue;
                }
                List<Outcome> outs =
                        switch (c) {
                            case "a" -> List.of(tc.passThrough());
                            case "b" ->
                                    o.quick() // b2 and c2 are informative: full runs only
                                            ? List.of(tc.engine(rules))
                                            : List.of(tc.engine(rules), tc.enginePaged(rules));
                            case "c" ->
                                    o.quick()
                                            ? List.of(tc.handWritten())
                                            : List.of(
                                                    tc.handWritten(),
                                                    tc.handWrittenKeepingMatched(RETENTION_MS));
                            default -> List.of(tc.sql());
                        };
                for (Outcome out : outs) {
                    System.out.printf(
                            "round %d %-16s %,12.0f events/s %6.1f s %s%n",
                            round, out.name(), out.rate(), out.seconds(), out.counts());
                    System.out.print(TaskTimes.describe(out.taskTimes()));
                    System.out.println("    cpu s: " + ThreadCpu.describe(out.threadCpu()));
                    r.add(out);
                }
            }
        }
        r.ratio("engine (b) at least as fast as hand-written (c)", "b engine", "c hand-written", 1);
        r.ratio(
                "(informative) engine (b) vs hand-written keeping matched keys 10 min (c2)",
                "b engine",
                "c2 hand-written, kept",
                0);
        r.ratio("engine (b) at least 10x Flink SQL (d)", "b engine", "d flink-sql", 10);
        r.ratio(
                "(informative) hand-written (c) vs Flink SQL (d)",
                "c hand-written",
                "d flink-sql",
                0);
        r.ratio("(informative) engine (b) vs pass-through (a)", "b engine", "a pass-through", 0);
        r.ratio(
                "(informative) engine with the webhook pager (b2) vs without (b)",
                "b2 engine + pager",
                "b engine",
                0);
        if (o.cases().stream().anyMatch(List.of("e", "f", "h")::contains)) {
            new KafkaCases(o, r, work).run(LocalEnv.config(work, o.checkpointInterval()), rules);
        }
        Path kept = WorkDir.clean(work);
        if (kept != null) {
            System.out.println("stall dumps kept in " + kept);
        }
        return r;
    }

    /**
     * One untimed run of each selected in-JVM case (and of the engine, which e, f and h run) on
     * fewer pairs, so the JIT and the MiniCluster's first start do not land in the first timed
     * figure.
     */
    private static void warmUp(BenchOptions o, ThroughputCases warm, RuleSetProvider rules)
            throws Exception {
        for (String c : List.of("a", "b", "c", "d")) {
            boolean engineForKafka =
                    c.equals("b") && o.cases().stream().anyMatch(List.of("e", "f", "h")::contains);
            if (!o.cases().contains(c) && !engineForKafka) {
                continue;
            }
            Outcome out =
                    switch (c) {
                        case "a" -> warm.passThrough();
                        case "b" -> warm.engine(rules);
                        case "c" -> warm.handWrittenKeepingMatched(RETENTION_MS);
                        default -> warm.sql();
                    };
            System.out.printf(
                    "warm-up %-16s %,12.0f events/s %6.1f s (not recorded)%n",
                    out.name(), out.rate(), out.seconds());
        }
    }

    /** The retention of the default rule file ({@code retention 10m}), which c2 keeps too. */
    static final long RETENTION_MS = 600_000;

    /** Half the timed pairs, at most 50,000. */
    static long warmUpPairs(BenchOptions o) {
        return Math.max(1, Math.min(o.pairs() / 2, 50_000));
    }

    /** The rule file as the job gets it; its diagnostics when it does not compile. */
    static RuleSetProvider rules(Path file) throws IOException {
        RuleBundle bundle = RuleBundle.fromPath(file);
        Compilation c = RuleCompiler.compile(bundle);
        if (!c.ok()) {
            throw new IllegalArgumentException(
                    "--rules " + file + " does not compile:\n" + c.format());
        }
        return new BundleRuleSetProvider(new String(bundle.toJson(), StandardCharsets.UTF_8));
    }
}
