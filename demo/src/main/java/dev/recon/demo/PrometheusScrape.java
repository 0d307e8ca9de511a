package dev.recon.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reads Flink's Prometheus endpoints in a port range and sums samples by name and labels. */
final class PrometheusScrape {
    private final List<String> lines = new ArrayList<>();
    private final List<String> endpoints = new ArrayList<>();

    private PrometheusScrape() {}

    /** Scrapes every port of {@code from-to} on 127.0.0.1 that answers. */
    static PrometheusScrape of(String ports) {
        String[] p = ports.split("-");
        int from = Integer.parseInt(p[0]);
        int to = p.length > 1 ? Integer.parseInt(p[1]) : from;
        PrometheusScrape s = new PrometheusScrape();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(300)).build();
        for (int port = from; port <= to; port++) {
            String url = "http://127.0.0.1:" + port + "/metrics";
            try {
                HttpResponse<String> r =
                        http.send(
                                HttpRequest.newBuilder(URI.create(url))
                                        .timeout(Duration.ofSeconds(3))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("flink_")) {
                    s.endpoints.add(url);
                    r.body().lines().filter(l -> !l.startsWith("#")).forEach(s.lines::add);
                }
            } catch (IOException e) {
                // nothing listens on this port
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return s;
    }

    /** Endpoints that answered. */
    List<String> endpoints() {
        return endpoints;
    }

    /** Sum of samples whose name ends with {@code suffix} and whose labels contain every filter. */
    double sum(String suffix, String... labelFilters) {
        double total = 0;
        for (String line : lines) {
            int brace = line.indexOf('{');
            int space = line.lastIndexOf(' ');
            String name =
                    brace > 0 ? line.substring(0, brace) : line.substring(0, Math.max(0, space));
            if (!name.endsWith(suffix) || !containsAll(line, labelFilters)) {
                continue;
            }
            try {
                total += Double.parseDouble(line.substring(space + 1));
            } catch (NumberFormatException e) {
                // NaN or malformed sample: skip
            }
        }
        return total;
    }

    private static boolean containsAll(String line, String[] filters) {
        for (String f : filters) {
            if (!line.contains(f)) {
                return false;
            }
        }
        return true;
    }
}
