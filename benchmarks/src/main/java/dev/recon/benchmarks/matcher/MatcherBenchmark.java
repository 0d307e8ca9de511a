package dev.recon.benchmarks.matcher;

import dev.recon.benchmarks.data.GeneratedRules;
import dev.recon.benchmarks.data.Pairs;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * End to end through the matcher: payment+bill pairs through {@code MatchFunction} in Flink's
 * operator test harness with 1, 10 and 100 generated pair rules ({@link GeneratedRules}) on one
 * reconciliation. The score is nanoseconds per pair: its payment and bill, the match, every rule,
 * the alerts of its breaks, and the expiry of its key ({@link MatcherDriver#runBatch()}). DSL issue
 * target: 100 rules cost no more than 3x one rule.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 2,
        jvmArgsAppend = {"-Xmx1g", "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=dev.recon.model.avro"})
public class MatcherBenchmark {
    /** Pairs per batch (one benchmark invocation). */
    public static final int PAIRS = 4096;

    /** Number of pair rules on the reconciliation. */
    @Param({"1", "10", "100"})
    public int rules;

    /** The keyed state backend: {@code HEAP} (the matcher alone) or {@code ROCKSDB} (the job's). */
    @Param({"HEAP", "ROCKSDB"})
    public MatcherDriver.Backend backend;

    private MatcherDriver driver;

    /** Compiles the rules and opens the matcher once per fork. */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        driver = new MatcherDriver(GeneratedRules.of(rules), Pairs.generate(PAIRS, 42), backend);
    }

    /** The driver opened by {@link #setUp()} (the smoke test reads its counters). */
    public MatcherDriver driver() {
        return driver;
    }

    /** Closes the harness. */
    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        driver.close();
    }

    /** One batch of {@link #PAIRS} pairs; the score is per pair. */
    @Benchmark
    @OperationsPerInvocation(PAIRS)
    public long pairs() throws Exception {
        return driver.runBatch();
    }
}
