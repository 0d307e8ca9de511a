package dev.recon.demo;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the demo end to end on a small load: broker process, MiniCluster, generator, checker, and
 * pages through a real Alertmanager (Debian's prometheus-alertmanager) to its webhook receiver.
 */
class DemoITCase {

    @Test
    void smallDemoPassesPagesThroughAlertmanagerAndPrintsItsSummary() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        DemoOptions opts =
                DemoOptions.parse(
                        new String[] {
                            "--events", "3000",
                            "--rate", "2000",
                            "--fault-fraction", "0.01",
                            "--rules", "../rules",
                            "--checkpoint-interval-ms", "1000",
                            "--metrics-ports", Integer.toString(port),
                            "--page", "alertmanager"
                        });
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean passed;
        try (DemoRun run =
                new DemoRun(opts, new PrintStream(bytes, true, StandardCharsets.UTF_8))) {
            passed = run.execute();
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(passed).as(out).isTrue();
        assertThat(out)
                .contains("RESULT: PASS")
                .contains("metrics endpoint   http://127.0.0.1:" + port + "/metrics")
                .containsPattern("events in \\(job\\)    payments [1-9][0-9,]* +bills [1-9]")
                .containsPattern("AMOUNT_MISMATCH +30 +30 +30 +0 +0")
                .containsPattern(
                        "paged via Alertmanager http://127\\.0\\.0\\.1:\\d+: [1-9]\\d*"
                                + " webhook notifications, [1-9]\\d* pages \\([1-9]\\d* firing")
                .contains("firing   [critical] amount-match, merchant m-");
    }
}
