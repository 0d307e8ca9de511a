package dev.recon.cluster;

import dev.recon.kafka.KafkaBroker;
import dev.recon.loadgen.CheckReport;
import dev.recon.loadgen.GroundTruth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A steady rate with a fixed share of never-matched records (1% of payments without a bill, 1%
 * orphan bills, and the other fault classes) for 10 minutes: the job's state stays flat, because
 * every key ends in a match or a verdict and is forgotten a retention later. Runs in the {@code
 * long-tests} profile; {@code -Drecon.bounded-state.minutes=N} shortens it.
 */
class BoundedStateLongITCase {
    private static final int RATE = Integer.getInteger("recon.bounded-state.rate", 1_000);
    private static final int MINUTES = Integer.getInteger("recon.bounded-state.minutes", 10);
    private static final long RETENTION_MS = 60_000;
    private static final long DEADLINE_MS = 5_000;
    private static final long SAMPLE_S = 30;

    @TempDir Path tmp;

    @Test
    void stateStaysFlatUnderASteadyRate() throws Exception {
        try (KafkaBroker broker = KafkaBroker.builder().setHeap("768m").build().start();
                FlinkCluster cluster =
                        FaultDrill.cluster(tmp.resolve("cluster"), 1, "29451-29500")) {
            String servers = broker.bootstrapServers();
            broker.createTopics(2, FaultDrill.TOPICS);
            String jobId = cluster.submit(JobJar.path(), args(servers));
            cluster.awaitRunning(jobId, Duration.ofSeconds(90));

            int events = RATE * 60 * MINUTES;
            StateSampler sampler = new StateSampler(cluster, jobId);
            CompletableFuture<GroundTruth> generation =
                    CompletableFuture.supplyAsync(
                            () -> FaultDrill.generate(servers, events, RATE, DEADLINE_MS, tmp));
            List<StateSample> samples = new ArrayList<>();
            System.out.println("BOUNDED-STATE " + StateSample.header());
            while (!generation.isDone()) {
                TimeUnit.SECONDS.sleep(SAMPLE_S);
                if (!generation.isDone()) {
                    samples.add(sampler.sample());
                    System.out.println("BOUNDED-STATE " + samples.get(samples.size() - 1).row());
                }
            }
            GroundTruth truth = generation.join();
            CheckReport report = FaultDrill.check(servers, truth);
            FaultDrill.assertExact(report);

            assertThat(samples).as("samples over the run").hasSizeGreaterThanOrEqualTo(6);
            double ckpt = flatness(samples, StateSample::checkpointBytes, "checkpoint size");
            double pending = flatness(samples, StateSample::pendingEntries, "pending entries");
            double heap = ratio(samples, StateSample::heapBytes);
            FaultDrill.printFigures(
                    String.format("steady %d payments/s for %d min", RATE, MINUTES),
                    truth,
                    report,
                    String.format(
                            "last/middle third: checkpoint size %.2f, pending entries %.2f,"
                                    + " heap %.2f",
                            ckpt, pending, heap));
        }
    }

    /** The last third's mean over the middle third's; asserts it is within 20%. */
    private static double flatness(
            List<StateSample> samples, ToLongFunction<StateSample> f, String what) {
        double r = ratio(samples, f);
        assertThat(r).as("%s: last third's mean / middle third's (flat)", what).isBetween(0.8, 1.2);
        return r;
    }

    private static double ratio(List<StateSample> samples, ToLongFunction<StateSample> f) {
        int third = samples.size() / 3;
        double middle = mean(samples.subList(third, 2 * third), f);
        double last = mean(samples.subList(2 * third, samples.size()), f);
        return last / middle;
    }

    private static double mean(List<StateSample> s, ToLongFunction<StateSample> f) {
        return s.stream().mapToLong(f).average().orElse(0);
    }

    private static List<String> args(String servers) {
        return FaultDrill.jobArgs(
                servers,
                "bounded-state-itcase",
                "--deadline-ms",
                Long.toString(DEADLINE_MS),
                "--retention-ms",
                Long.toString(RETENTION_MS));
    }
}
