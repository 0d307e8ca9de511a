package dev.recon.loadgen.internal;

import dev.recon.loadgen.ProgressListener;

import java.io.PrintStream;
import java.util.Locale;

/** A single-line progress bar, redrawn in place with {@code \r}. */
public final class ProgressBar implements ProgressListener {
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final long startNanos = System.nanoTime();
    private boolean drawn;

    /** A bar drawn on the given stream (normally standard error). */
    public ProgressBar(PrintStream out) {
        this.out = out;
    }

    @Override
    public void onProgress(long sent, long total) {
        int filled = total == 0 ? WIDTH : (int) (WIDTH * sent / total);
        long percent = total == 0 ? 100 : 100 * sent / total;
        double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
        out.print(
                String.format(
                        Locale.ROOT,
                        "\r[%s%s] %3d%% %,d/%,d payments  %,.0f/s ",
                        "#".repeat(filled),
                        ".".repeat(WIDTH - filled),
                        percent,
                        sent,
                        total,
                        sent / seconds));
        out.flush();
        drawn = true;
    }

    /** Ends the bar's line, if it was drawn. */
    public void finish() {
        if (drawn) {
            out.println();
            drawn = false;
        }
    }
}
