package dev.recon.benchmarks;

import dev.recon.benchmarks.dsl.AmountRuleBenchmark;
import dev.recon.benchmarks.dsl.RuleSetBenchmark;
import dev.recon.benchmarks.matcher.MatcherBenchmark;
import dev.recon.benchmarks.matcher.StateCodersBenchmark;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs the DSL issue's benchmarks with JMH and prints them as a table with the ratios the targets
 * are stated in: the compiled amount rule against the hand-written one (target: within 5x), and 100
 * rules against one end to end through the matcher (target: at most 3x).
 *
 * <pre>
 * usage: BenchMain [--quick] [REGEX...]
 *   --quick   1 fork, 3 short iterations: a rough run in under 3 minutes
 *   REGEX     only the benchmarks matching (default: all four classes)
 * </pre>
 *
 * The full run uses each benchmark's own annotations (2 forks, 5 warm-up and 5 measured
 * iterations). Raw JMH results go to {@code benchmarks/target/jmh-result.json}.
 */
public final class BenchMain {
    /** The ratio targets of the DSL issue. */
    static final double AMOUNT_TARGET = 5.0;

    static final double RULES_TARGET = 3.0;

    private BenchMain() {}

    /** Runs the benchmarks; exit status 0 (a missed target is reported, not an error). */
    public static void main(String[] args) throws RunnerException {
        Locale.setDefault(Locale.ROOT);
        boolean quick = false;
        List<String> includes = new ArrayList<>();
        for (String a : args) {
            if (a.equals("--quick")) {
                quick = true;
            } else if (a.equals("--help") || a.equals("-h")) {
                System.out.println("usage: BenchMain [--quick] [REGEX...]");
                return;
            } else {
                includes.add(a);
            }
        }
        if (includes.isEmpty()) {
            includes.add(AmountRuleBenchmark.class.getSimpleName());
            includes.add(RuleSetBenchmark.class.getSimpleName());
            includes.add(MatcherBenchmark.class.getSimpleName());
            includes.add(StateCodersBenchmark.class.getSimpleName());
        }
        ChainedOptionsBuilder opts =
                new OptionsBuilder()
                        .resultFormat(ResultFormatType.JSON)
                        .result(resultFile())
                        .shouldFailOnError(true);
        for (String include : includes) {
            opts.include(include);
        }
        if (quick) {
            opts.forks(1)
                    .warmupIterations(3)
                    .warmupTime(TimeValue.seconds(1))
                    .measurementIterations(3)
                    .measurementTime(TimeValue.seconds(1));
        }
        Collection<RunResult> results = new Runner(opts.build()).run();
        report(results, quick, System.out);
    }

    private static String resultFile() {
        java.io.File target = new java.io.File("benchmarks/target");
        return (target.isDirectory() ? "benchmarks/target/" : "") + "jmh-result.json";
    }

    /** One score: mean and the half-width of JMH's 99.9% confidence interval. */
    record Score(double mean, double error) {
        /** {@code this / base}, its error from the relative errors of both. */
        Score over(Score base) {
            double ratio = mean / base.mean;
            double rel = Math.hypot(relative(), base.relative());
            return new Score(ratio, ratio * rel);
        }

        private double relative() {
            return Double.isNaN(error) || mean == 0 ? 0 : error / mean;
        }
    }

    /** Prints the table: every score, then each target with its ratio and verdict. */
    static void report(Collection<RunResult> results, boolean quick, PrintStream out) {
        Map<String, Score> scores = new TreeMap<>();
        for (RunResult r : results) {
            Result<?> p = r.getPrimaryResult();
            String name = r.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
            StringBuilder key = new StringBuilder(name);
            for (String param : r.getParams().getParamsKeys()) {
                key.append(' ').append(param).append('=').append(r.getParams().getParam(param));
            }
            scores.put(key.toString(), new Score(p.getScore(), p.getScoreError()));
        }
        out.println();
        out.println(
                "== results ("
                        + (quick ? "--quick: 1 fork, 3 x 1 s; rough" : "full")
                        + ", JDK "
                        + System.getProperty("java.version")
                        + ", "
                        + Runtime.getRuntime().availableProcessors()
                        + " cpus) ==");
        out.printf("%-58s %14s %10s%n", "benchmark", "ns/op", "± 99.9%");
        scores.forEach((k, s) -> out.printf("%-58s %14.1f %10.1f%n", k, s.mean(), s.error()));

        out.println();
        out.println("== target 1: one compiled amount rule within 5x of the hand-written check ==");
        Score hand = scores.get("AmountRuleBenchmark.handWritten");
        for (String variant : List.of("ruleText", "defaultRules")) {
            Score compiled = scores.get("AmountRuleBenchmark." + variant);
            if (hand != null && compiled != null) {
                out.printf(
                        "  %-13s %7.1f ns/op vs handWritten %5.1f ns/op  %s%n",
                        variant,
                        compiled.mean(),
                        hand.mean(),
                        verdict(compiled.over(hand), AMOUNT_TARGET));
            }
        }
        out.println();
        out.println(
                "== target 2: 100 rules at most 3x one rule, end to end through the matcher ==");
        for (String backend : List.of("HEAP", "ROCKSDB")) {
            String prefix = "MatcherBenchmark.pairs backend=" + backend + " rules=";
            Score one = scores.get(prefix + "1");
            if (one == null) {
                continue;
            }
            out.printf(
                    "  %-8s 1 rule %9.0f ns/pair (%,.0f pairs/s)%n",
                    backend, one.mean(), 1e9 / one.mean());
            for (String n : List.of("10", "100")) {
                Score many = scores.get(prefix + n);
                if (many != null) {
                    out.printf(
                            "  %-8s %3s rules %7.0f ns/pair (%,.0f pairs/s)  %s%n",
                            "",
                            n,
                            many.mean(),
                            1e9 / many.mean(),
                            verdict(many.over(one), n.equals("100") ? RULES_TARGET : 0));
                }
            }
        }
        Score walking = scores.get("StateCodersBenchmark.writeAndRead coders=walking");
        Score generated = scores.get("StateCodersBenchmark.writeAndRead coders=generated");
        Score byHand = scores.get("StateCodersBenchmark.writeAndRead coders=handcoded");
        if (walking != null && generated != null && byHand != null) {
            out.println();
            out.println(
                    "== the matcher's state record, written and read back (StateCodersBenchmark) ==");
            out.printf(
                    "  hand-coded (the job's) %7.1f ns/op; Flink's Avro serializer: generated coders"
                            + " %7.1f, schema-walking %7.1f ns/op%n",
                    byHand.mean(), generated.mean(), walking.mean());
            out.printf(
                    "  hand-coded / generated %s; hand-coded / schema-walking %s%n",
                    verdict(byHand.over(generated), 0), verdict(byHand.over(walking), 0));
        }
        out.println();
        out.println("== the rules alone, no Flink (RuleSetBenchmark) ==");
        for (String n : List.of("1", "10", "100")) {
            Score compiled = scores.get("RuleSetBenchmark.allRules rules=" + n);
            Score twins = scores.get("RuleSetBenchmark.handWritten rules=" + n);
            if (compiled != null && twins != null) {
                out.printf(
                        "  %3s rules: compiled %7.1f ns/pair, hand-written %7.1f ns/pair  %s%n",
                        n, compiled.mean(), twins.mean(), verdict(compiled.over(twins), 0));
            }
        }
    }

    private static String verdict(Score ratio, double target) {
        String r = String.format("%5.2fx ± %.2f", ratio.mean(), ratio.error());
        if (target <= 0) {
            return r;
        }
        return r + (ratio.mean() <= target ? "  MET" : "  MISSED") + " (target <= " + target + "x)";
    }
}
