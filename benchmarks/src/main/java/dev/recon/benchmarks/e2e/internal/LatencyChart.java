package dev.recon.benchmarks.e2e.internal;

import javax.imageio.ImageIO;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * A PNG plot of mismatch detection latency (p50, p99, log scale) against the rate sent, with the
 * targets.
 */
public final class LatencyChart {
    private static final int W = 760;
    private static final int H = 460;
    private static final int L = 70;
    private static final int R = 20;
    private static final int T = 40;
    private static final int B = 60;

    private LatencyChart() {}

    /** Draws {@code rows} (in rate order) into {@code png}. */
    public static void write(Path png, List<LatencyRow> rows, String title) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, H);
        double maxX = rows.stream().mapToDouble(LatencyRow::achievedRate).max().orElse(1) * 1.15;
        long top = rows.stream().mapToLong(r -> r.mismatch().percentile(99)).max().orElse(0);
        double maxY = 1000;
        while (maxY < top) {
            maxY *= 10;
        }
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawLine(L, H - B, W - R, H - B);
        g.drawLine(L, T, L, H - B);
        g.drawString(title, L, T - 15);
        g.drawString("events/s sent (payments + bills)", W / 2 - 90, H - 15);
        g.drawString("ms (log)", 10, T - 2);
        for (int i = 0; i <= 5; i++) {
            int x = L + (W - L - R) * i / 5;
            g.drawString(String.format("%,.0f", maxX * i / 5), x - 20, H - B + 18);
        }
        for (double ms = 10; ms <= maxY; ms *= 10) {
            g.drawString(String.format("%,.0f", ms), 15, y(ms, maxY) + 4);
        }
        target(g, 100, maxY, "100 ms (p50 target)");
        target(g, 300, maxY, "300 ms (p99 at 50%)");
        target(g, 1000, maxY, "1 s (p99 at 80%)");
        series(g, rows, maxX, maxY, r -> r.mismatch().percentile(50), new Color(0, 90, 200), "p50");
        series(g, rows, maxX, maxY, r -> r.mismatch().percentile(99), new Color(200, 40, 0), "p99");
        g.dispose();
        Files.createDirectories(png.toAbsolutePath().getParent());
        ImageIO.write(img, "png", png.toFile());
    }

    private static void target(Graphics2D g, int ms, double maxY, String label) {
        int y = y(ms, maxY);
        g.setColor(Color.GRAY);
        g.setStroke(
                new BasicStroke(
                        1, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[] {4, 4}, 0));
        g.drawLine(L, y, W - R, y);
        g.drawString(label, W - R - 150, y - 3);
        g.setStroke(new BasicStroke(1));
    }

    private static void series(
            Graphics2D g,
            List<LatencyRow> rows,
            double maxX,
            double maxY,
            ToLongFunction<LatencyRow> f,
            Color c,
            String name) {
        g.setColor(c);
        g.setStroke(new BasicStroke(2));
        int px = -1;
        int py = -1;
        for (LatencyRow r : rows) {
            int x = L + (int) ((W - L - R) * r.achievedRate() / maxX);
            int y = y(f.applyAsLong(r), maxY);
            g.fillOval(x - 4, y - 4, 8, 8);
            if (px >= 0) {
                g.drawLine(px, py, x, y);
            }
            px = x;
            py = y;
        }
        if (px >= 0) {
            g.drawString(name, px + 8, py + 4);
        }
        g.setStroke(new BasicStroke(1));
    }

    /** Log scale from 10 ms (bottom) to {@code maxY} (top). */
    private static int y(double ms, double maxY) {
        double f = Math.log10(Math.max(10, Math.min(ms, maxY)) / 10) / Math.log10(maxY / 10);
        return (H - B) - (int) ((H - B - T) * f);
    }
}
