package dev.recon.benchmarks.e2e.internal;

import dev.recon.loadgen.ExpectedAlert;
import dev.recon.loadgen.FaultClass;
import dev.recon.loadgen.GroundTruth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Case f: the engine as deployed, fed by the load generator at a fixed rate; an {@link AlertProbe}
 * on the alerts topic and a {@link PageProbe} behind {@code --pagers webhook} time every expected
 * alert against the ground truth's {@code decidedAt}.
 */
public final class LatencyCase {
    private static final double FAULTS = 0.002;
    private static final long WAIT_AFTER_DECIDED_MS = 20_000;
    private static final String MATCHER = "match payments with bills";

    private final BenchBroker broker;
    private final Path work;
    private final Duration phase;
    private final Path alertsCsv;
    private final Duration preWarm;
    private int runs;

    /**
     * Sends load for {@code phase} per measurement, after a fault-free warm-up of {@code preWarm};
     * appends every expected alert's timings to {@code alertsCsv} (setup, alert id, kind, decided,
     * seen on the topic, paged; epoch ms).
     */
    public LatencyCase(
            BenchBroker broker, Path work, Duration phase, Duration preWarm, Path alertsCsv) {
        this.broker = broker;
        this.work = work;
        this.phase = phase;
        this.alertsCsv = alertsCsv;
        this.preWarm = preWarm;
        CheckpointStalls.install();
        write(List.of("setup,alert_id,kind,decided_ms,seen_ms,paged_ms"), false);
    }

    /**
     * One job with {@code checkpointMs} and {@code settings}; after a warm-up, one measurement per
     * rate (events/s), each labelled {@code label} and the rate's share of {@code maxRate}.
     */
    public List<LatencyRow> run(
            String label,
            long checkpointMs,
            Map<String, String> settings,
            double maxRate,
            double... shares)
            throws Exception {
        return run(label, checkpointMs, settings, List.of(), maxRate, shares);
    }

    /** As {@link #run(String, long, Map, double, double...)}, with more job flags {@code args}. */
    public List<LatencyRow> run(
            String label,
            long checkpointMs,
            Map<String, String> settings,
            List<String> args,
            double maxRate,
            double... shares)
            throws Exception {
        List<LatencyRow> rows = new ArrayList<>();
        try (PagedLiveJob live = PagedLiveJob.start(broker, work, checkpointMs, args, settings)) {
            warmUp(live.alerts(), maxRate * shares[0]);
            for (double share : shares) {
                String setup = String.format("%s, %.0f%% of max", label, share * 100);
                rows.add(measure(setup, maxRate * share, live.alerts(), live.pages()));
                System.out.println("  " + rows.get(rows.size() - 1).markdown());
            }
        }
        return rows;
    }

    /** Appends {@code lines} to {@code alertsCsv}, or starts it anew with them. */
    private void write(List<String> lines, boolean append) {
        try {
            Files.createDirectories(alertsCsv.toAbsolutePath().getParent());
            if (append) {
                Files.write(alertsCsv, lines, StandardOpenOption.APPEND);
            } else {
                Files.write(alertsCsv, lines);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + alertsCsv, e);
        }
    }

    private static String csvLine(String setup, ExpectedAlert e, Long seen, Long page) {
        return String.join(
                ",",
                '"' + setup + '"',
                e.alertId(),
                missing(e) ? "missing" : "mismatch",
                Long.toString(e.decidedAt()),
                String.valueOf(seen),
                String.valueOf(page));
    }

    /**
     * Untimed, at the first rate: {@code preWarm} without faults (the JIT, RocksDB's first files
     * and compactions, checkpoints), then half a phase, at most 10 s, with faults (the alert and
     * page paths), and waits until its alerts are readable. A 10 s warm-up alone left the first
     * phase's first 10-15 s at about a second of latency (benchmarks README, fifth session).
     */
    private void warmUp(AlertProbe alerts, double rate) throws InterruptedException {
        long paymentsPerS = Math.max(1, Math.round(rate / 2));
        if (preWarm.toSeconds() > 0) {
            broker.send(paymentsPerS * preWarm.toSeconds(), paymentsPerS, 0, runId());
        }
        long seconds = Math.min(10, Math.max(1, phase.toSeconds() / 2));
        GroundTruth t = broker.send(paymentsPerS * seconds, paymentsPerS, 0.02, runId());
        long until = System.currentTimeMillis() + 90_000;
        for (ExpectedAlert e : t.expectedAlerts()) {
            while (!missing(e) && alerts.seen(e.alertId()) == null) {
                if (System.currentTimeMillis() > until) {
                    System.out.println("  warning: warm-up alerts not seen within 90 s; going on");
                    return;
                }
                Thread.sleep(50);
            }
        }
    }

    private LatencyRow measure(String setup, double rate, AlertProbe alerts, PageProbe pages)
            throws InterruptedException {
        long paymentsPerS = Math.max(1, Math.round(rate / 2));
        GroundTruth t =
                broker.send(paymentsPerS * phase.toSeconds(), paymentsPerS, FAULTS, runId());
        double sent = sentRate(t);
        long lastDecided =
                t.expectedAlerts().stream().mapToLong(ExpectedAlert::decidedAt).max().orElse(0);
        long until = lastDecided + WAIT_AFTER_DECIDED_MS;
        while (System.currentTimeMillis() < until
                && t.expectedAlerts().stream().anyMatch(e -> alerts.seen(e.alertId()) == null)) {
            Thread.sleep(100);
        }
        Thread.sleep(500); // pages trail the alerts topic slightly
        Latencies mismatch = new Latencies();
        Latencies missing = new Latencies();
        Latencies paged = new Latencies();
        int unseen = 0;
        List<String> csv = new ArrayList<>();
        for (ExpectedAlert e : t.expectedAlerts()) {
            Long seen = alerts.seen(e.alertId());
            Long page = pages.paged(e.alertId());
            csv.add(csvLine(setup, e, seen, page));
            if (seen == null) {
                unseen++;
            } else {
                (missing(e) ? missing : mismatch).add(seen - e.decidedAt());
            }
            if (page != null) {
                paged.add(page - e.decidedAt());
            }
        }
        write(csv, true);
        List<CheckpointStalls.Stall> stalls =
                CheckpointStalls.of(MATCHER, t.run().startedAt(), t.run().finishedAt());
        return new LatencyRow(
                setup,
                rate,
                sent,
                mismatch,
                missing,
                paged,
                t.expectedAlerts().size(),
                unseen,
                CheckpointStalls.summary(stalls));
    }

    /**
     * Events/s the generator sent while pacing: the run ends with the faults sent a third of a
     * deadline late (loadgen README), which is not its pace.
     */
    static double sentRate(GroundTruth t) {
        long sending = t.run().finishedAt() - t.run().startedAt() - t.run().deadlineMs() / 3;
        return (t.paymentsSent() + t.billsSent()) / Math.max(0.001, sending / 1000.0);
    }

    /** True for the alerts decided by a deadline (a missing counterpart), not by an event. */
    static boolean missing(ExpectedAlert e) {
        return e.faultClass() == FaultClass.BILL_DROPPED
                || e.faultClass() == FaultClass.ORPHAN_BILL;
    }

    private String runId() {
        return "bench_f" + (++runs) + "_" + Long.toString(System.currentTimeMillis(), 36);
    }
}
