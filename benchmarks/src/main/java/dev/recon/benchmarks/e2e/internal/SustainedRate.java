package dev.recon.benchmarks.e2e.internal;

import dev.recon.loadgen.ExpectedAlert;
import dev.recon.loadgen.GroundTruth;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The engine's max sustained rate, live: the job as deployed, fed by the load generator through the
 * broker on the same machine, in steps of rising rate; a step is kept up with when the generator
 * reached its rate, every alert of the step arrived, and the mismatch latency did not grow over the
 * step (median of its last third at most {@link #GROWTH_MS} above its first third's). The highest
 * rate kept up with, stopping at the first step that was not, is the sustained rate.
 */
public final class SustainedRate {
    /** Latency growth over a step that still counts as keeping up. */
    public static final long GROWTH_MS = 250;

    /** The share of a step's rate the generator must reach while sending; less: it is saturated. */
    public static final double SENT_SHARE = 0.9;

    private static final double FAULTS = 0.002;
    private static final long WAIT_AFTER_DECIDED_MS = 10_000;

    private final BenchBroker broker;
    private final Path work;
    private final Duration step;
    private final boolean warmUp;
    private int runs;

    /**
     * Steps of {@code step} each against {@code broker}; job files go under {@code work}. With
     * {@code warmUp} a step at the first share runs first and is not counted (a quick run skips it:
     * its first step then runs cold, which can only make the probe stop earlier).
     */
    public SustainedRate(BenchBroker broker, Path work, Duration step, boolean warmUp) {
        this.broker = broker;
        this.work = work;
        this.step = step;
        this.warmUp = warmUp;
    }

    /** One step: its target and sent rates, latencies at its start and end, and the verdict. */
    public record Step(double target, double sent, long firstMs, long lastMs, int unseen) {
        /** True when the job kept up with this step. */
        public boolean keptUp() {
            return sent >= SENT_SHARE * target && unseen == 0 && lastMs - firstMs <= GROWTH_MS;
        }

        /** One line for the console and the report. */
        public String line() {
            return String.format(
                    Locale.ROOT,
                    "%,.0f events/s (sent %,.0f): mismatch median %d ms in the first third, %d ms"
                            + " in the last, %d alerts unseen: %s",
                    target,
                    sent,
                    firstMs,
                    lastMs,
                    unseen,
                    keptUp() ? "kept up" : "fell behind");
        }
    }

    /** The sustained rate, probing {@code upper} times each share in turn, and the steps taken. */
    public record Outcome(double rate, List<Step> steps) {}

    /** Runs the steps; the rate is 0 when even the first share was not kept up with. */
    public Outcome find(double upper, double... shares) throws Exception {
        List<Step> steps = new ArrayList<>();
        double sustained = 0;
        try (PagedLiveJob live = PagedLiveJob.start(broker, work, 10_000, List.of(), Map.of())) {
            AlertProbe alerts = live.alerts();
            if (warmUp) {
                System.out.println(
                        "  sustained-rate warm-up: " + step(upper * shares[0], alerts).line());
            }
            for (double share : shares) {
                Step s = step(upper * share, alerts);
                steps.add(s);
                System.out.println("  sustained-rate step: " + s.line());
                if (!s.keptUp()) {
                    break;
                }
                sustained = s.sent();
            }
        }
        return new Outcome(sustained, steps);
    }

    private Step step(double rate, AlertProbe alerts) throws InterruptedException {
        long paymentsPerS = Math.max(1, Math.round(rate / 2));
        String run = "bench_rate" + (++runs) + "_" + Long.toString(System.currentTimeMillis(), 36);
        GroundTruth t = broker.send(paymentsPerS * step.toSeconds(), paymentsPerS, FAULTS, run);
        double sent = LatencyCase.sentRate(t);
        List<ExpectedAlert> expected = t.expectedAlerts();
        long until =
                expected.stream().mapToLong(ExpectedAlert::decidedAt).max().orElse(0)
                        + WAIT_AFTER_DECIDED_MS;
        while (System.currentTimeMillis() < until
                && expected.stream().anyMatch(e -> alerts.seen(e.alertId()) == null)) {
            Thread.sleep(100);
        }
        int unseen = (int) expected.stream().filter(e -> alerts.seen(e.alertId()) == null).count();
        List<ExpectedAlert> mismatches =
                expected.stream()
                        .filter(e -> !LatencyCase.missing(e) && alerts.seen(e.alertId()) != null)
                        .sorted(Comparator.comparingLong(ExpectedAlert::decidedAt))
                        .toList();
        int third = mismatches.size() / 3;
        return new Step(
                rate,
                sent,
                median(mismatches.subList(0, third), alerts),
                median(mismatches.subList(mismatches.size() - third, mismatches.size()), alerts),
                unseen);
    }

    private static long median(List<ExpectedAlert> part, AlertProbe alerts) {
        Latencies l = new Latencies();
        part.forEach(e -> l.add(alerts.seen(e.alertId()) - e.decidedAt()));
        return l.percentile(50);
    }
}
