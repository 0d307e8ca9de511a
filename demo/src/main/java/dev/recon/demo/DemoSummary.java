package dev.recon.demo;

import dev.recon.loadgen.CheckReport;
import dev.recon.loadgen.GroundTruth;

import java.io.PrintStream;
import java.time.Duration;

/** Prints the demo's closing summary: volumes, per-fault results, latency, metrics endpoint. */
final class DemoSummary {
    private final PrintStream out;

    DemoSummary(PrintStream out) {
        this.out = out;
    }

    void print(GroundTruth truth, CheckReport report, PrometheusScrape m, Duration took) {
        out.println();
        out.println("=== summary ===");
        out.printf(
                "events sent        payments %,d  bills %,d%n",
                truth.paymentsSent(), truth.billsSent());
        if (m.endpoints().isEmpty()) {
            out.println(
                    "metrics            no Prometheus endpoint answered on ports of --metrics-ports");
        } else {
            out.printf(
                    "events in (job)    payments %,.0f  bills %,.0f%n",
                    m.sum("_eventsIn", "stream=\"payments\""),
                    m.sum("_eventsIn", "stream=\"bills\""));
            out.printf(
                    "pairs matched      %,.0f  (the job's counters include %d warm-up pairs)%n",
                    m.sum("recon_pairsMatched"), DemoRun.WARM_UP_PAIRS);
            out.printf("redeliveries       %,.0f ignored%n", m.sum("recon_redeliveriesIgnored"));
            out.printf("dead-lettered      %,.0f%n", m.sum("deadLettered"));
        }
        out.println();
        out.print(report.format());
        out.println();
        out.println(
                "metrics endpoint   "
                        + (m.endpoints().isEmpty() ? "(none)" : String.join(" ", m.endpoints())));
        out.printf("took               %.1f s%n", took.toMillis() / 1000.0);
        out.println(
                report.passed()
                        ? "RESULT: PASS - every injected fault was detected and no alert was false"
                        : "RESULT: FAIL - "
                                + report.missed().size()
                                + " missed, "
                                + report.falseAlerts().size()
                                + " false alerts");
    }
}
