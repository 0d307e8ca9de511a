package dev.recon.benchmarks.dsl;

import dev.recon.benchmarks.data.GeneratedRules;
import dev.recon.benchmarks.data.Pairs;
import dev.recon.model.avro.BillEvent;
import dev.recon.model.avro.PaymentEvent;
import dev.recon.rules.DefaultRules;
import dev.recon.rules.PairRule;
import dev.recon.rules.Tolerance;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One amount-tolerance predicate (same currency, bill within 10 bps of the payment): compiled from
 * rule text by {@code RuleCompiler}, built in Java by {@code DefaultRules}, and written by hand,
 * over the same 1,024 pairs ({@link Pairs}), in one run: the ratio to {@link #handWritten} is what
 * matters (DSL issue target: within 5x).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 2,
        jvmArgsAppend = {"-Xmx1g", "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=dev.recon.model.avro"})
public class AmountRuleBenchmark {
    /** Number of pairs cycled through; a power of two. */
    public static final int N = 1024;

    private PaymentEvent[] payments;
    private BillEvent[] bills;
    private PairRule ruleText;
    private PairRule defaultRules;
    private int i;

    /** Builds the pairs and compiles the rule once, both ways. */
    @Setup
    public void setUp() {
        Pairs pairs = Pairs.generate(N, 42);
        payments = new PaymentEvent[N];
        bills = new BillEvent[N];
        for (int k = 0; k < N; k++) {
            payments[k] = pairs.payment(k);
            bills[k] = pairs.bill(k);
        }
        ruleText = GeneratedRules.of(1).compiledPairRules().get(0);
        defaultRules =
                DefaultRules.paymentsVsBills(
                                Duration.ofSeconds(5),
                                Tolerance.basisPoints(10),
                                Duration.ofMinutes(10))
                        .reconciliations()
                        .get(0)
                        .pairRules()
                        .get(0);
    }

    /** The rule compiled from its text: {@code check right.amount_minor within 10 bps of ...}. */
    @Benchmark
    public boolean ruleText() {
        int k = i++ & (N - 1);
        return ruleText.isBreak(payments[k], bills[k]);
    }

    /** The same rule built in Java ({@code DefaultRules}' amount rule with a 10 bps tolerance). */
    @Benchmark
    public boolean defaultRules() {
        int k = i++ & (N - 1);
        return defaultRules.isBreak(payments[k], bills[k]);
    }

    /** What a Flink engineer would write by hand for the same check: the baseline. */
    @Benchmark
    public boolean handWritten() {
        int k = i++ & (N - 1);
        return handWrittenBreak(payments[k], bills[k]);
    }

    /** The hand-written check: same currency and more than 10 bps apart. */
    public static boolean handWrittenBreak(PaymentEvent p, BillEvent b) {
        if (!p.getCurrency().equals(b.getCurrency())) {
            return false;
        }
        long diff = Math.abs(b.getAmountMinor() - p.getAmountMinor());
        return diff * 10_000 > Math.abs(p.getAmountMinor()) * 10;
    }
}
