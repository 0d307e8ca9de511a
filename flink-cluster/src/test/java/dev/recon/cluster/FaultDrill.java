package dev.recon.cluster;

import dev.recon.job.JobOptions;
import dev.recon.loadgen.AlertChecker;
import dev.recon.loadgen.CheckReport;
import dev.recon.loadgen.ClassResult;
import dev.recon.loadgen.GroundTruth;
import dev.recon.loadgen.LoadGenerator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** What the cluster fault tests share: the cluster, job args, load, the exact check, waits. */
final class FaultDrill {
    static final String[] TOPICS = JobOptions.defaultTopics();

    private FaultDrill() {}

    /** A started cluster of {@code taskManagers} with 2 slots each, under {@code dir}. */
    static FlinkCluster cluster(Path dir, int taskManagers, String metricsPorts) throws Exception {
        return FlinkCluster.builder()
                .setDir(dir)
                .setTaskManagers(taskManagers)
                .setSlots(2)
                .setRestPort(0)
                .setMetricsPorts(metricsPorts)
                .setHeartbeatTimeout(Duration.ofSeconds(15))
                .build()
                .start();
    }

    /** Job args: from the earliest offsets, parallelism 2, checkpoints every second, + extra. */
    static List<String> jobArgs(String servers, String groupId, String... extra) {
        List<String> args = new ArrayList<>();
        args.addAll(
                List.of(
                        "--bootstrap-servers", servers,
                        "--starting-offsets", "earliest",
                        "--checkpoint-interval-ms", "1000",
                        "--parallelism", "2",
                        "--group-id", groupId));
        args.addAll(List.of(extra));
        return args;
    }

    /** Sends {@code events} payments at {@code rate}/s with 1% of each fault class. */
    static GroundTruth generate(String servers, int events, int rate, long deadlineMs, Path dir) {
        return generate(servers, events, rate, deadlineMs, dir.resolve("truth.json"), 23);
    }

    /** As above, with the ground-truth file and the seed given. */
    static GroundTruth generate(
            String servers, int events, int rate, long deadlineMs, Path truth, long seed) {
        return LoadGenerator.builder()
                .setBootstrapServers(servers)
                .setEvents(events)
                .setRatePerSecond(rate)
                .setFaultFraction(0.01)
                .setSeed(seed)
                .setDeadline(Duration.ofMillis(deadlineMs))
                .setGroundTruthFile(truth)
                .build()
                .run();
    }

    /** Reads the alerts topic until every expected alert was seen and it stayed quiet 5 s. */
    static CheckReport check(String servers, GroundTruth truth) {
        return AlertChecker.builder()
                .setBootstrapServers(servers)
                .setAlertsTopic("alerts")
                .setGroundTruth(truth)
                .setTimeout(Duration.ofSeconds(120))
                .setQuietPeriod(Duration.ofSeconds(5))
                .build()
                .check();
    }

    /** The alert ids seen equal the expected ones: none missed, none extra, no resolve. */
    static int assertExact(CheckReport report) {
        assertThat(report.missed()).as(report.format()).isEmpty();
        assertThat(report.falseAlerts()).as(report.format()).isEmpty();
        assertThat(report.resolves()).as(report.format()).isEmpty();
        int expected = expected(report);
        assertThat(expected).as("the run injected faults that alert").isPositive();
        return expected;
    }

    static int expected(CheckReport report) {
        return report.perClass().values().stream().mapToInt(ClassResult::expected).sum();
    }

    /** The one-line figures of a run for the README's reliability table. */
    static void printFigures(String fault, GroundTruth truth, CheckReport report, String more) {
        int expected = expected(report);
        System.out.printf(
                "RELIABILITY %s: events %d (payments %d, bills %d), alerts expected %d seen %d"
                        + " (missed %d, extra %d), duplicates %d, %s%n",
                fault,
                truth.paymentsSent() + truth.billsSent(),
                truth.paymentsSent(),
                truth.billsSent(),
                expected,
                expected - report.missed().size(),
                report.missed().size(),
                report.falseAlerts().size(),
                report.duplicates(),
                more);
    }

    /** Waits until the job has completed {@code n} checkpoints in all. */
    static void awaitCheckpoints(FlinkCluster cluster, String jobId, long n, Duration timeout)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JobInfo info = cluster.jobInfo(jobId);
        while (info.completedCheckpoints() < n) {
            assertThat(System.nanoTime())
                    .as("%d checkpoints within %s: %s", n, timeout, info)
                    .isLessThan(deadline);
            Thread.sleep(200);
            info = cluster.jobInfo(jobId);
        }
    }

    static double secondsSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1e9;
    }

    static void sleepS(long seconds) throws InterruptedException {
        TimeUnit.SECONDS.sleep(seconds);
    }
}
