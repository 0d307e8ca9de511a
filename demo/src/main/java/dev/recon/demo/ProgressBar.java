package dev.recon.demo;

import dev.recon.loadgen.ProgressListener;

import java.io.PrintStream;

/** A one-line progress bar on a terminal stream. */
final class ProgressBar implements ProgressListener {
    private static final int WIDTH = 40;
    private final PrintStream out;
    private final long startNanos = System.nanoTime();

    ProgressBar(PrintStream out) {
        this.out = out;
    }

    @Override
    public void onProgress(long sent, long total) {
        int filled = total == 0 ? WIDTH : (int) (WIDTH * sent / total);
        double secs = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
        out.printf("\r    [%s%s] %,d/%,d payments  %,.0f/s ", "#".repeat(filled),
                " ".repeat(WIDTH - filled), sent, total, sent / secs);
        out.flush();
    }

    void done() {
        out.println();
    }
}
