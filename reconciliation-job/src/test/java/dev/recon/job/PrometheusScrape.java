package dev.recon.job;

import org.apache.flink.configuration.Configuration;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Turns on Flink's Prometheus reporter in a test job and reads its metrics. */
final class PrometheusScrape {
    private PrometheusScrape() {}

    /** Reports the job's metrics on {@code port}. */
    static void configure(Configuration c, int port) {
        c.setString(
                "metrics.reporter.prom.factory.class",
                "org.apache.flink.metrics.prometheus.PrometheusReporterFactory");
        c.setString("metrics.reporter.prom.port", Integer.toString(port));
    }

    /** The metrics text. */
    static String get(int port) throws Exception {
        HttpResponse<String> r =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(
                                                URI.create("http://127.0.0.1:" + port + "/metrics"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    /**
     * Sum over every series whose name ends with {@code suffix} and whose line has {@code label}.
     */
    static long sum(String metrics, String suffix, String label) {
        double total = 0;
        for (String line : metrics.split("\n")) {
            if (line.startsWith("#") || !line.contains(label)) {
                continue;
            }
            int brace = line.indexOf('{');
            String name =
                    brace > 0 ? line.substring(0, brace) : line.substring(0, line.indexOf(' '));
            if (name.endsWith(suffix)) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return Math.round(total);
    }

    /** A free local port. */
    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
