package dev.recon.benchmarks.e2e.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The latency figures: nearest-rank percentiles, the table row and the chart image. */
class LatencyReportTest {

    @Test
    void percentilesAreNearestRank() {
        Latencies l = new Latencies();
        for (int i = 100; i >= 1; i--) {
            l.add(i);
        }
        assertThat(l.percentile(50)).isEqualTo(50);
        assertThat(l.percentile(99)).isEqualTo(99);
        assertThat(l.percentile(100)).isEqualTo(100);
        assertThat(l.summary()).isEqualTo("50 / 99 / 100 (n=100)");
        assertThat(new Latencies().summary()).isEqualTo("-");
    }

    @Test
    void chartIsAPngOfTheRows(@TempDir Path dir) throws Exception {
        Latencies a = new Latencies();
        a.add(80);
        a.add(400);
        Latencies b = new Latencies();
        b.add(120);
        b.add(1500);
        List<LatencyRow> rows =
                List.of(
                        new LatencyRow("50%", 5000, 4800, a, new Latencies(), a, 2, 0, "-"),
                        new LatencyRow("80%", 8000, 7600, b, new Latencies(), b, 2, 0, "-"));
        assertThat(rows.get(0).markdown()).contains("| 50% | 5,000 | 4,800 | 80 / 400 / 400 (n=2)");

        Path png = dir.resolve("latency.png");
        LatencyChart.write(png, rows, "test");
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isGreaterThan(500);
        assertThat(img.getHeight()).isGreaterThan(300);
    }
}
