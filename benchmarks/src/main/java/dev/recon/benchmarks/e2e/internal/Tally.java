package dev.recon.benchmarks.e2e.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters and time marks shared by the operators of a local (MiniCluster) run and the harness in
 * the same JVM; reset before each case.
 */
public final class Tally {
    private static final Map<String, LongAdder> COUNTS = new ConcurrentHashMap<>();
    private static final AtomicLong FIRST = new AtomicLong(Long.MAX_VALUE);
    private static final AtomicLong LAST = new AtomicLong(Long.MIN_VALUE);

    private Tally() {}

    /** Forgets everything. */
    public static void reset() {
        COUNTS.clear();
        FIRST.set(Long.MAX_VALUE);
        LAST.set(Long.MIN_VALUE);
    }

    /** Adds to a named counter. */
    public static void add(String name, long n) {
        COUNTS.computeIfAbsent(name, k -> new LongAdder()).add(n);
    }

    /** A named counter. */
    public static long get(String name) {
        LongAdder a = COUNTS.get(name);
        return a == null ? 0 : a.sum();
    }

    /** Every counter, sorted by name. */
    public static Map<String, Long> all() {
        Map<String, Long> out = new TreeMap<>();
        COUNTS.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** Marks that the first record was made now (the earliest mark wins). */
    public static void markFirst() {
        long now = System.nanoTime();
        FIRST.accumulateAndGet(now, Math::min);
    }

    /** Marks that a sink finished now (the latest mark wins). */
    public static void markLast() {
        long now = System.nanoTime();
        LAST.accumulateAndGet(now, Math::max);
    }

    /** Seconds between the first record and the last sink's end; NaN without both marks. */
    public static double seconds() {
        long f = FIRST.get();
        long l = LAST.get();
        return f == Long.MAX_VALUE || l == Long.MIN_VALUE ? Double.NaN : (l - f) / 1e9;
    }

    /**
     * Waits up to {@code ms} until the {@code matched} counter is set and has not changed for 300
     * ms (reporters see the operators of the subtasks close one after the other).
     */
    public static void awaitMatched(long ms) throws InterruptedException {
        long until = System.currentTimeMillis() + ms;
        long last = -1;
        long stableSince = System.currentTimeMillis();
        while (System.currentTimeMillis() < until) {
            long now = get("matched");
            if (now != last) {
                last = now;
                stableSince = System.currentTimeMillis();
            } else if (now > 0 && System.currentTimeMillis() - stableSince >= 300) {
                return;
            }
            Thread.sleep(20);
        }
    }
}
