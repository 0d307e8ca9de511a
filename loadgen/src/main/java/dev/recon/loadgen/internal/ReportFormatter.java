package dev.recon.loadgen.internal;

import dev.recon.loadgen.CheckReport;
import dev.recon.loadgen.ClassResult;
import dev.recon.loadgen.ExpectedAlert;
import dev.recon.loadgen.GroundTruth;
import dev.recon.loadgen.LatencyStats;
import dev.recon.loadgen.RunInfo;
import dev.recon.loadgen.SeenAlert;

import java.util.List;
import java.util.function.Function;

/** Renders a {@link CheckReport} as a plain-text table followed by details. */
public final class ReportFormatter {
    /** Longest list of alerts printed in each details section. */
    static final int MAX_LISTED = 20;

    private static final String ROW = "%-22s %9s %9s %9s %7s %6s %18s%n";

    private ReportFormatter() {}

    /** The report as text, ending with a newline. */
    public static String format(CheckReport r) {
        StringBuilder out = new StringBuilder();
        RunInfo run = r.run();
        out.append(
                String.format(
                        "Check of run %s (%s): %s%n  %d payments, deadline %d ms, fault fraction"
                                + " %s per class, seed %d%n%n",
                        run.runId(),
                        GroundTruth.RECONCILIATION,
                        r.passed() ? "PASSED" : "FAILED",
                        run.events(),
                        run.deadlineMs(),
                        run.faultFraction(),
                        run.seed()));
        table(r, out);
        summary(r, out);
        list(out, "missed alerts", r.missed(), ReportFormatter::missedLine);
        list(out, "false alerts", r.falseAlerts(), ReportFormatter::seenLine);
        list(out, "resolves", r.resolves(), ReportFormatter::seenLine);
        list(out, "shadow alerts", r.shadowAlerts(), ReportFormatter::seenLine);
        return out.toString();
    }

    private static void table(CheckReport r, StringBuilder out) {
        out.append(
                String.format(
                        ROW,
                        "fault class",
                        "injected",
                        "expected",
                        "detected",
                        "missed",
                        "false",
                        "latency p50/p99 ms"));
        int[] total = new int[5];
        for (ClassResult c : r.perClass().values()) {
            int[] v = {c.injected(), c.expected(), c.detected(), c.missed(), c.falseAlerts()};
            String latency =
                    c.latency().count() == 0 ? "-" : c.latency().p50() + "/" + c.latency().p99();
            out.append(String.format(ROW, c.faultClass(), v[0], v[1], v[2], v[3], v[4], latency));
            for (int i = 0; i < v.length; i++) {
                total[i] += v[i];
            }
        }
        int clean = r.falseAlerts().size() - total[4];
        out.append(String.format(ROW, "(clean payments)", "-", "-", "-", "-", clean, "-"));
        out.append(
                String.format(
                        ROW,
                        "total",
                        total[0],
                        total[1],
                        total[2],
                        total[3],
                        r.falseAlerts().size(),
                        r.latency().p50() + "/" + r.latency().p99()));
    }

    private static void summary(CheckReport r, StringBuilder out) {
        out.append(
                String.format(
                        "%nalerts read %d (duplicates deduped %d, other runs ignored %d, undecodable %d);"
                                + " shadow %d; resolves %d%n",
                        r.alertsRead(),
                        r.duplicates(),
                        r.otherRunAlerts(),
                        r.undecodable(),
                        r.shadowAlerts().size(),
                        r.resolves().size()));
        LatencyStats l = r.latency();
        out.append(
                String.format(
                        "detection latency ms: p50 %d  p99 %d  max %d  (over %d alerts)%n",
                        l.p50(), l.p99(), l.max(), l.count()));
        out.append(
                r.timedOut()
                        ? "stopped at the timeout, before all expected alerts were seen and quiet\n"
                        : "stopped after all expected alerts were seen and the topic was quiet\n");
    }

    private static <T> void list(
            StringBuilder out, String title, List<T> items, Function<T, String> line) {
        if (items.isEmpty()) {
            return;
        }
        int shown = Math.min(items.size(), MAX_LISTED);
        out.append(
                String.format(
                        "%n%s: %d%s%n",
                        title,
                        items.size(),
                        shown < items.size() ? " (first " + shown + " shown)" : ""));
        items.stream()
                .limit(shown)
                .forEach(i -> out.append("  ").append(line.apply(i)).append('\n'));
    }

    private static String missedLine(ExpectedAlert e) {
        return String.format(
                "%s  %-17s %-20s key %s  decided_at %d",
                e.alertId(), e.ruleId(), e.faultClass(), e.paymentId(), e.decidedAt());
    }

    private static String seenLine(SeenAlert a) {
        String fault = a.faultClass() == null ? "clean payment" : "fault " + a.faultClass();
        return String.format(
                "%s  %-17s key %s  (%s, %s %s)",
                a.alertId(), a.ruleId(), a.key(), fault, a.action(), a.mode());
    }
}
