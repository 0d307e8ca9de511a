package dev.recon.benchmarks.dsl;

import dev.recon.benchmarks.data.GeneratedRules;
import dev.recon.benchmarks.data.Pairs;
import dev.recon.model.avro.BillEvent;
import dev.recon.model.avro.PaymentEvent;
import dev.recon.rules.PairRule;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;

/**
 * The evaluator alone, without Flink: every pair rule of a generated rule set ({@link
 * GeneratedRules}: 1, 10 or 100 rules) on one pair, as the matcher runs them on a match, against
 * the same rules written by hand in Java (their twins, {@link GeneratedRules.Rule#breaks()}). The
 * score is nanoseconds per pair; it shows how much of {@code MatcherBenchmark}'s cost is the rules.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 2,
        jvmArgsAppend = {"-Xmx1g", "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=dev.recon.model.avro"})
public class RuleSetBenchmark {
    /** Number of pairs cycled through; a power of two. */
    public static final int N = 4096;

    /** Number of pair rules. */
    @Param({"1", "10", "100"})
    public int rules;

    private PaymentEvent[] payments;
    private BillEvent[] bills;
    private PairRule[] compiled;
    private BiPredicate<PaymentEvent, BillEvent>[] twins;

    private int i;

    /** Builds the pairs and compiles the rules once. */
    @Setup
    @SuppressWarnings("unchecked")
    public void setUp() {
        Pairs pairs = Pairs.generate(N, 42);
        payments = new PaymentEvent[N];
        bills = new BillEvent[N];
        for (int k = 0; k < N; k++) {
            payments[k] = pairs.payment(k);
            bills[k] = pairs.bill(k);
        }
        GeneratedRules generated = GeneratedRules.of(rules);
        compiled = generated.compiledPairRules().toArray(PairRule[]::new);
        twins =
                generated.rules().stream()
                        .map(GeneratedRules.Rule::breaks)
                        .toArray(BiPredicate[]::new);
    }

    /** Every rule on the next pair; returns the number of breaks. */
    @Benchmark
    public int allRules() {
        int k = i++ & (N - 1);
        PaymentEvent p = payments[k];
        BillEvent b = bills[k];
        int breaks = 0;
        for (PairRule rule : compiled) {
            if (rule.isBreak(p, b)) {
                breaks++;
            }
        }
        return breaks;
    }

    /** The same rules written by hand (one lambda each) on the next pair: the baseline. */
    @Benchmark
    public int handWritten() {
        int k = i++ & (N - 1);
        PaymentEvent p = payments[k];
        BillEvent b = bills[k];
        int breaks = 0;
        for (BiPredicate<PaymentEvent, BillEvent> twin : twins) {
            if (twin.test(p, b)) {
                breaks++;
            }
        }
        return breaks;
    }
}
