package dev.recon.loadgen;

import java.util.Arrays;

/**
 * Detection latency (alert {@code detected_at} minus the expected {@code decidedAt}) over the
 * expected alerts that were seen; nearest-rank percentiles, in milliseconds.
 *
 * @param count number of latencies
 * @param p50 median, 0 when count is 0
 * @param p99 99th percentile, 0 when count is 0
 * @param max largest, 0 when count is 0
 */
public record LatencyStats(int count, long p50, long p99, long max) {
    /** No latencies. */
    public static final LatencyStats EMPTY = new LatencyStats(0, 0, 0, 0);

    /** Statistics of the given latencies (the array is not modified). */
    public static LatencyStats of(long[] latencies) {
        if (latencies.length == 0) {
            return EMPTY;
        }
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        return new LatencyStats(
                sorted.length,
                percentile(sorted, 50),
                percentile(sorted, 99),
                sorted[sorted.length - 1]);
    }

    /** Nearest-rank percentile of sorted values: the smallest value with p% at or below it. */
    static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
