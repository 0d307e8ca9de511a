package dev.recon.demo;

import dev.recon.pager.local.AlertmanagerProcess;
import dev.recon.pager.local.NotifiedAlert;
import dev.recon.pager.local.WebhookReceiver;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's pager: a real Alertmanager (Debian's prometheus-alertmanager) on 127.0.0.1 whose
 * webhook receiver records what reached "the on-call", so the demo can print what was paged.
 */
final class DemoPager implements AutoCloseable {
    private final WebhookReceiver receiver;
    private final AlertmanagerProcess alertmanager;

    private DemoPager(WebhookReceiver receiver, AlertmanagerProcess alertmanager) {
        this.receiver = receiver;
        this.alertmanager = alertmanager;
    }

    /** Starts the receiver and Alertmanager; fails with an install hint without the binary. */
    static DemoPager start() {
        WebhookReceiver receiver = WebhookReceiver.start();
        try {
            AlertmanagerProcess am =
                    AlertmanagerProcess.builder()
                            .setWebhookUrl(receiver.url())
                            .setGroupWait(Duration.ofSeconds(1))
                            .setGroupInterval(Duration.ofSeconds(2))
                            .build()
                            .start();
            return new DemoPager(receiver, am);
        } catch (RuntimeException e) {
            receiver.close();
            throw e;
        }
    }

    String url() {
        return alertmanager.url();
    }

    /** The job flags that page through this Alertmanager. */
    List<String> jobArgs() {
        return List.of("--pagers", "alertmanager", "--alertmanager-url", alertmanager.url());
    }

    /** Waits for the notifications to settle, then prints what was paged. */
    void report(PrintStream out) throws InterruptedException {
        int seen = -1;
        long until = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < until && receiver.received().size() != seen) {
            seen = receiver.received().size();
            Thread.sleep(3_000); // group_interval 2 s: no change in 3 s means settled
        }
        Map<String, NotifiedAlert> latest = new LinkedHashMap<>();
        for (NotifiedAlert a : receiver.alertNotifications()) {
            latest.put(a.labels().getOrDefault("page_key", a.labels().toString()), a);
        }
        long firing = latest.values().stream().filter(a -> "firing".equals(a.status())).count();
        out.println();
        out.printf(
                "paged via Alertmanager %s: %d webhook notifications, %d pages (%d firing, %d"
                        + " resolved)%n",
                alertmanager.url(),
                receiver.received().size(),
                latest.size(),
                firing,
                latest.size() - firing);
        latest.values().stream()
                .sorted(Comparator.comparing(DemoPager::breaks).reversed())
                .limit(8)
                .forEach(
                        a -> out.printf("  %-8s %s%n", a.status(), a.annotations().get("summary")));
        if (latest.size() > 8) {
            out.printf(
                    "  ... and %d more (every break is on the alerts topic)%n", latest.size() - 8);
        }
    }

    private static long breaks(NotifiedAlert a) {
        try {
            return Long.parseLong(a.annotations().getOrDefault("breaks", "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public void close() {
        alertmanager.close();
        receiver.close();
    }
}
