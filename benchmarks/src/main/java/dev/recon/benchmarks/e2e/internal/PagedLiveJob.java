package dev.recon.benchmarks.e2e.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The live job as f and the sustained-rate probe run it: {@link LiveJob} with the webhook pager
 * posting to a {@link PageProbe} (a budget that never drops a page), and an {@link AlertProbe} on
 * the alerts topic.
 */
public record PagedLiveJob(PageProbe pages, AlertProbe alerts, LiveJob job)
        implements AutoCloseable {

    /**
     * Starts the probes, then the job with {@code args} and the pager flags, and {@code settings}.
     */
    public static PagedLiveJob start(
            BenchBroker broker,
            Path work,
            long checkpointMs,
            List<String> args,
            Map<String, String> settings)
            throws Exception {
        PageProbe pages = new PageProbe();
        AlertProbe alerts = null;
        try {
            alerts = new AlertProbe(broker.servers());
            List<String> flags = new ArrayList<>(args);
            flags.addAll(
                    List.of(
                            "--pagers",
                            "webhook",
                            "--webhook-budget",
                            "100000",
                            "--webhook-url",
                            pages.url()));
            LiveJob job = LiveJob.start(broker, work, checkpointMs, flags, settings);
            return new PagedLiveJob(pages, alerts, job);
        } catch (Exception | Error e) {
            if (alerts != null) {
                alerts.close();
            }
            pages.close();
            throw e;
        }
    }

    @Override
    public void close() throws InterruptedException {
        try {
            job.close();
            alerts.close();
        } finally {
            pages.close();
        }
    }
}
