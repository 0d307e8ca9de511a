package dev.recon.benchmarks.e2e.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Latency samples in milliseconds and their p50, p99 and max (nearest rank). */
public final class Latencies {
    private final List<Long> ms = new ArrayList<>();

    /** Adds one sample. */
    public void add(long millis) {
        ms.add(millis);
    }

    /** Number of samples. */
    public int count() {
        return ms.size();
    }

    /** The {@code p}-th percentile (0-100), -1 without samples. */
    public long percentile(double p) {
        if (ms.isEmpty()) {
            return -1;
        }
        List<Long> s = new ArrayList<>(ms);
        Collections.sort(s);
        int rank = (int) Math.ceil(p / 100.0 * s.size());
        return s.get(Math.max(0, Math.min(s.size() - 1, rank - 1)));
    }

    /** "p50/p99/max (n)" or "-" without samples. */
    public String summary() {
        return ms.isEmpty()
                ? "-"
                : String.format(
                        "%d / %d / %d (n=%d)",
                        percentile(50), percentile(99), percentile(100), count());
    }
}
