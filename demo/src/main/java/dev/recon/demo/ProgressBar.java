package dev.recon.demo;

import dev.recon.loadgen.ProgressListener;

import java.io.PrintStream;

/** A one-line progress bar on a terminal stream. */
final class ProgressBar implements ProgressListener {
    private static final int WIDTH = 40;
    private final PrintStream out;
    private final long startNanos = System.nanoTime();
    private final boolean terminal = System.console() != null;
    private int lastDecile = -1;

    ProgressBar(PrintStream out) {
        this.out = out;
    }

    @Override
    public void onProgress(long sent, long total) {
        int filled = total == 0 ? WIDTH : (int) (WIDTH * sent / total);
        int decile = total == 0 ? 10 : (int) (10 * sent / total);
        if (!terminal && decile == lastDecile) {
            return; // not a terminal: one line per 10 % instead of carriage returns
        }
        lastDecile = decile;
        double secs = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
        out.printf(
                "%s    [%s%s] %,d/%,d payments  %,.0f/s %s",
                terminal ? "\r" : "",
                "#".repeat(filled),
                " ".repeat(WIDTH - filled),
                sent,
                total,
                sent / secs,
                terminal ? "" : "\n");
        out.flush();
    }

    void done() {
        if (terminal) {
            out.println();
        }
    }
}
