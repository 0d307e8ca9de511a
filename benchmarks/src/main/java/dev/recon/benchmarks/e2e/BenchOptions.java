package dev.recon.benchmarks.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

/** The harness's options; {@link #parse} says what is wrong with a bad flag. */
public record BenchOptions(
        boolean quick,
        Set<String> cases,
        long pairs,
        int rounds,
        int parallelism,
        Path out,
        Path rules,
        Duration checkpointInterval) {
    static final Set<String> KNOWN = Set.of("a", "b", "c", "d", "g");

    /** The defaults of a full or a quick run. */
    public static BenchOptions defaults(boolean quick) {
        return new BenchOptions(
                quick,
                new TreeSet<>(Set.of("a", "b", "c", "d", "g")),
                quick ? 200_000 : 1_000_000,
                quick ? 1 : 2,
                2,
                Path.of("benchmarks/target/bench"),
                Path.of("rules/payments-vs-bills.rules"),
                Duration.ofSeconds(10));
    }

    /** Parses the flags; null for --help. */
    public static BenchOptions parse(String... args) {
        boolean quick = java.util.Arrays.asList(args).contains("--quick");
        BenchOptions o = defaults(quick);
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--quick")) {
                continue;
            }
            if (a.equals("--help") || a.equals("-h")) {
                return null;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown flag or missing value: " + a);
            }
            String v = args[++i];
            o =
                    switch (a) {
                        case "--cases" -> o.withCases(v);
                        case "--pairs" -> o.with(Long.parseLong(v), o.rounds, o.out, o.rules);
                        case "--rounds" -> o.with(o.pairs, Integer.parseInt(v), o.out, o.rules);
                        case "--out" -> o.with(o.pairs, o.rounds, Path.of(v), o.rules);
                        case "--rules" -> o.with(o.pairs, o.rounds, o.out, Path.of(v));
                        case "--checkpoint-interval-ms" ->
                                new BenchOptions(
                                        quick,
                                        o.cases,
                                        o.pairs,
                                        o.rounds,
                                        o.parallelism,
                                        o.out,
                                        o.rules,
                                        Duration.ofMillis(Long.parseLong(v)));
                        default -> throw new IllegalArgumentException("unknown flag " + a);
                    };
        }
        return o;
    }

    private BenchOptions withCases(String list) {
        Set<String> s = new TreeSet<>();
        for (String c : list.split(",")) {
            String t = c.trim().toLowerCase(java.util.Locale.ROOT);
            if (!KNOWN.contains(t)) {
                throw new IllegalArgumentException(
                        "--cases takes a comma-separated list of "
                                + new TreeSet<>(KNOWN)
                                + " (e, f, h are not implemented yet); got '"
                                + c
                                + "'");
            }
            s.add(t);
        }
        return new BenchOptions(
                quick, s, pairs, rounds, parallelism, out, rules, checkpointInterval);
    }

    private BenchOptions with(long pairs, int rounds, Path out, Path rules) {
        return new BenchOptions(
                quick, cases, pairs, rounds, parallelism, out, rules, checkpointInterval);
    }
}
