package dev.recon.benchmarks.e2e.internal;

/**
 * One latency measurement: the setup, the rate asked for and the rate the generator achieved
 * (events/s), and the latencies in ms.
 *
 * @param mismatch deciding event produced → alert readable on the alerts topic
 * @param missing counterpart's deadline → alert readable on the alerts topic
 * @param pages break decided → TRIGGER page received by the webhook (first break of an episode)
 * @param expected alerts the ground truth expects
 * @param unseen expected alerts not readable by the end of the wait
 * @param checkpoints the match operator's checkpoints during the phase ({@link
 *     CheckpointStalls#summary})
 */
public record LatencyRow(
        String setup,
        double targetRate,
        double achievedRate,
        Latencies mismatch,
        Latencies missing,
        Latencies pages,
        int expected,
        int unseen,
        String checkpoints) {

    /** A Markdown table row. */
    public String markdown() {
        return String.format(
                "| %s | %,.0f | %,.0f | %s | %s | %s | %d / %d | %s |",
                setup,
                targetRate,
                achievedRate,
                mismatch.summary(),
                missing.summary(),
                pages.summary(),
                expected - unseen,
                expected,
                checkpoints);
    }

    /** The header of {@link #markdown()} rows. */
    public static String header() {
        return "| setup | target events/s | sent events/s | mismatch ms p50 / p99 / max |"
                + " missing counterpart ms (after deadline) | page ms (webhook) | alerts seen |"
                + " matcher's checkpoints: sync ms p50 / max, alignment max |\n"
                + "| --- | ---: | ---: | --- | --- | --- | --- | --- |\n";
    }
}
