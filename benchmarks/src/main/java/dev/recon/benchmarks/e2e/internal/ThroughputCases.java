package dev.recon.benchmarks.e2e.internal;

import dev.recon.job.JobOptions;
import dev.recon.job.ReconciliationJob;
import dev.recon.job.paging.Paging;
import dev.recon.job.rules.RuleSetProvider;
import dev.recon.model.avro.PaymentEvent;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Cases a to d on the same generated pairs, each a bounded job on a local MiniCluster:
 * pass-through, the engine, the hand-written KeyedCoProcessFunction, the Flink SQL interval join.
 */
public final class ThroughputCases {
    /** Bills follow their payments by this many pairs. */
    public static final long LAG = 1_000;

    private final Configuration config;
    private final int parallelism;
    private final long pairs;
    private final long deadlineMs;

    /** Runs {@code pairs} pairs with {@code parallelism} under {@code config}. */
    public ThroughputCases(Configuration config, int parallelism, long pairs, long deadlineMs) {
        this.config = config;
        this.parallelism = parallelism;
        this.pairs = pairs;
        this.deadlineMs = deadlineMs;
    }

    /** One case's outcome: events per second and the correctness counters. */
    public record Outcome(
            String name,
            long events,
            double seconds,
            Map<String, Long> counts,
            Map<String, long[]> taskTimes,
            Map<String, Double> threadCpu) {
        /** Events per second. */
        public double rate() {
            return events / seconds;
        }
    }

    /** a: generator, keyBy payment id, discarding sink. */
    public Outcome passThrough() throws Exception {
        return run(
                "a pass-through",
                env -> {
                    var payments = GeneratedInputs.attach(env, pairs, LAG);
                    payments.map(PaymentEvent::getPaymentId, Types.STRING)
                            .union(
                                    payments.getSideOutput(GenerateEvents.BILLS)
                                            .map(b -> b.getPaymentId(), Types.STRING))
                            .keyBy(id -> id, Types.STRING)
                            .sinkTo(new TallySink<String>("events", id -> null))
                            .name("discard");
                });
    }

    /** b: the engine with the given rules, alerts counted by rule id. */
    public Outcome engine(RuleSetProvider rules) throws Exception {
        return engine("b engine", rules, new Paging(null, List.of())); // no pagers: nothing added
    }

    /**
     * b2: the engine with the webhook pager (storm control, budget, delivery) posting to a local
     * {@link PageProbe}, with a budget that never drops a page: what paging costs the engine.
     */
    public Outcome enginePaged(RuleSetProvider rules) throws Exception {
        try (PageProbe probe = new PageProbe()) {
            Paging paging =
                    JobOptions.parse(
                                    new String[] {
                                        "--bootstrap-servers", "127.0.0.1:9092", // not contacted
                                        "--pagers", "webhook",
                                        "--webhook-url", probe.url(),
                                        "--webhook-budget", "100000"
                                    })
                            .paging()
                            .paging(true);
            return engine("b2 engine + pager", rules, paging);
        }
    }

    private Outcome engine(String name, RuleSetProvider rules, Paging paging) throws Exception {
        return run(
                name,
                env ->
                        new ReconciliationJob(
                                        new GeneratedInputs(pairs, LAG),
                                        new CountingOutputs(),
                                        rules)
                                .withPaging(paging)
                                .build(env));
    }

    /** c: the hand-written KeyedCoProcessFunction. */
    public Outcome handWritten() throws Exception {
        return handWritten("c hand-written", 0);
    }

    /** c2: the same, keeping each matched key's bill id for the engine's retention. */
    public Outcome handWrittenKeepingMatched(long retentionMs) throws Exception {
        return handWritten("c2 hand-written, kept", retentionMs);
    }

    private Outcome handWritten(String name, long retentionMs) throws Exception {
        return run(
                name,
                env -> {
                    var payments = GeneratedInputs.attach(env, pairs, LAG);
                    payments.keyBy(PaymentEvent::getPaymentId, Types.STRING)
                            .connect(
                                    payments.getSideOutput(GenerateEvents.BILLS)
                                            .keyBy(b -> b.getPaymentId(), Types.STRING))
                            .process(new HandWrittenMatch(deadlineMs, retentionMs), Types.STRING)
                            .uid("hand-written-match")
                            .name("hand-written match")
                            .sinkTo(new TallySink<String>("alerts", r -> r))
                            .name("count alerts");
                });
    }

    /** d: the Flink SQL interval join. */
    public Outcome sql() throws Exception {
        return run("d flink-sql", env -> SqlJoin.attach(env, pairs, LAG, deadlineMs / 1000));
    }

    private Outcome run(String name, Consumer<StreamExecutionEnvironment> graph) throws Exception {
        Tally.reset();
        TaskTimes.take();
        StreamExecutionEnvironment env = LocalEnv.env(parallelism, config);
        graph.accept(env);
        ThreadCpu cpu = ThreadCpu.start();
        env.execute("bench " + name);
        Map<String, Double> used = cpu.stopAndGet();
        Tally.awaitMatched(3_000); // reporters see operators close late
        Expected e = Expected.of(pairs);
        return new Outcome(name, e.events(), Tally.seconds(), Tally.all(), TaskTimes.take(), used);
    }
}
