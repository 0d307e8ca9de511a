package dev.recon.benchmarks.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The harness's options; {@link #parse} says what is wrong with a bad flag.
 *
 * @param maxRate the engine's max sustained rate in events/s for cases f and h; 0: probed live, up
 *     to the rate e reads a backlog at
 * @param phase how long each latency run (f) sends load
 * @param memoryRun how long the memory run (h) sends load
 * @param levers which of f's levers run in a full run: names containing any of these words
 *     (case-insensitive); empty: all, {@code none}: none
 */
public record BenchOptions(
        boolean quick,
        Set<String> cases,
        long pairs,
        int rounds,
        int parallelism,
        Path out,
        Path rules,
        Duration checkpointInterval,
        long kafkaPairs,
        long maxRate,
        Duration phase,
        Duration memoryRun,
        List<String> levers) {
    static final Set<String> KNOWN = Set.of("a", "b", "c", "d", "e", "f", "g", "h");

    /** The defaults of a full or a quick run. */
    public static BenchOptions defaults(boolean quick) {
        return new BenchOptions(
                quick,
                new TreeSet<>(quick ? Set.of("a", "b", "c", "e", "f", "h") : KNOWN),
                // a full run's rounds outlast the 5 s deadline, so every case pays its timers and
                // state cleanup as a live job does (d: 110,000+ events/s in 250,000 pairs, 14,719
                // in 1,000,000)
                quick ? 50_000 : 1_000_000,
                quick ? 1 : 2, // a case's first round can run cold (d: 28,620 then 126,845)
                2,
                Path.of("benchmarks/target/bench"),
                Path.of("rules/payments-vs-bills.rules"),
                Duration.ofSeconds(10),
                quick ? 50_000 : 300_000,
                0,
                Duration.ofSeconds(quick ? 8 : 30),
                quick ? Duration.ofSeconds(30) : Duration.ofMinutes(10),
                List.of());
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
            o = o.with(a, args[++i]);
        }
        return o;
    }

    private BenchOptions with(String flag, String v) {
        Set<String> c = cases;
        long p = pairs;
        int r = rounds;
        Path o = out;
        Path ru = rules;
        Duration ci = checkpointInterval;
        long kp = kafkaPairs;
        long mr = maxRate;
        Duration ph = phase;
        Duration mem = memoryRun;
        List<String> lv = levers;
        switch (flag) {
            case "--cases" -> c = cases(v);
            case "--pairs" -> p = positive(flag, v);
            case "--rounds" -> r = (int) positive(flag, v);
            case "--out" -> o = Path.of(v);
            case "--rules" -> ru = Path.of(v);
            case "--checkpoint-interval-ms" -> ci = Duration.ofMillis(positive(flag, v));
            case "--kafka-pairs" -> kp = positive(flag, v);
            case "--max-rate" -> mr = positive(flag, v);
            case "--phase-s" -> ph = Duration.ofSeconds(positive(flag, v));
            case "--memory-s" -> mem = Duration.ofSeconds(positive(flag, v));
            case "--levers" -> lv = words(flag, v);
            default -> throw new IllegalArgumentException("unknown flag " + flag);
        }
        return new BenchOptions(quick, c, p, r, parallelism, o, ru, ci, kp, mr, ph, mem, lv);
    }

    /** Whether f runs the lever of this name. */
    public boolean runsLever(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (levers.equals(List.of("none"))) {
            return false;
        }
        return levers.isEmpty() || levers.stream().anyMatch(n::contains);
    }

    private static List<String> words(String flag, String v) {
        List<String> w = new ArrayList<>();
        for (String s : v.split(",")) {
            String t = s.trim().toLowerCase(Locale.ROOT);
            if (t.isEmpty()) {
                throw new IllegalArgumentException(
                        flag
                                + " takes comma-separated words of lever names (or none), got '"
                                + v
                                + "'");
            }
            w.add(t);
        }
        return List.copyOf(w);
    }

    private static long positive(String flag, String v) {
        try {
            long n = Long.parseLong(v.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(
                flag + " takes a positive whole number, got '" + v + "'");
    }

    private static Set<String> cases(String list) {
        Set<String> s = new TreeSet<>();
        for (String c : list.split(",")) {
            String t = c.trim().toLowerCase(Locale.ROOT);
            if (!KNOWN.contains(t)) {
                throw new IllegalArgumentException(
                        "--cases takes a comma-separated list of "
                                + new TreeSet<>(KNOWN)
                                + "; got '"
                                + c
                                + "'");
            }
            s.add(t);
        }
        return s;
    }
}
