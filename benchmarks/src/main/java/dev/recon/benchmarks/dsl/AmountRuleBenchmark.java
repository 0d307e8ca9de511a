package dev.recon.benchmarks.dsl;

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
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The compiled default amount rule (bps tolerance, currency guard) against the same check written
 * by hand, over the same 1,024 pairs, in one run: the ratio is what matters.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AmountRuleBenchmark {
    private static final int N = 1024;
    private final PaymentEvent[] payments = new PaymentEvent[N];
    private final BillEvent[] bills = new BillEvent[N];
    private PairRule compiled;
    private int i;

    /** Builds the pairs (1 in 8 off by a few minor units) and compiles the rule once. */
    @Setup
    public void setUp() {
        compiled =
                DefaultRules.paymentsVsBills(
                                Duration.ofSeconds(5),
                                Tolerance.basisPoints(10),
                                Duration.ofMinutes(10))
                        .reconciliations()
                        .get(0)
                        .pairRules()
                        .get(0);
        Random r = new Random(1);
        for (int k = 0; k < N; k++) {
            long amount = 100 + r.nextInt(1_000_000);
            payments[k] =
                    new PaymentEvent("p" + k, "m", "a", amount, "USD", "SUCCEEDED", 0L, "core");
            long billed = k % 8 == 0 ? amount + 1 + r.nextInt(5_000) : amount;
            bills[k] = new BillEvent("b" + k, "p" + k, "m", billed, "USD", "BILLED", 0L, "billing");
        }
    }

    /** The compiled rule tree. */
    @Benchmark
    public boolean compiledRule() {
        int k = i++ & (N - 1);
        return compiled.isBreak(payments[k], bills[k]);
    }

    /** What a Flink engineer would write by hand for the same check. */
    @Benchmark
    public boolean handWritten() {
        int k = i++ & (N - 1);
        PaymentEvent p = payments[k];
        BillEvent b = bills[k];
        if (!p.getCurrency().equals(b.getCurrency())) {
            return false;
        }
        long diff = Math.abs(b.getAmountMinor() - p.getAmountMinor());
        return diff * 10_000 > Math.abs(p.getAmountMinor()) * 10;
    }
}
