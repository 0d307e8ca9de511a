package dev.recon.benchmarks.e2e.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU seconds per thread of this JVM while a case runs, grouped by the thread's OS name (digits
 * dropped): task threads, RocksDB's native flush and compaction threads, the JIT compilers, GC.
 * Read from {@code /proc/self/task} every 100 ms, so threads that end within the case count too (up
 * to their last sample). Empty where {@code /proc} is not there. Unlike Flink's busy time, this is
 * CPU actually used, not time a thread was runnable on an overloaded machine.
 */
public final class ThreadCpu implements AutoCloseable {
    private static final Path TASKS = Path.of("/proc/self/task");
    private static final double TICKS_PER_S = 100; // USER_HZ on Linux

    private final Map<String, long[]> byTid = new HashMap<>(); // tid -> {first, last} ticks
    private final Map<String, String> names = new HashMap<>();
    private final Thread sampler;
    private volatile boolean running = true;

    private ThreadCpu() {
        sample(true);
        sampler = new Thread(this::loop, "bench-thread-cpu");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Starts measuring now: threads alive now count from now on. */
    public static ThreadCpu start() {
        return new ThreadCpu();
    }

    private void loop() {
        while (running) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
            sample(false);
        }
    }

    private synchronized void sample(boolean baseline) {
        if (!Files.isDirectory(TASKS)) {
            return;
        }
        try (Stream<Path> tasks = Files.list(TASKS)) {
            tasks.forEach(t -> read(t, baseline));
        } catch (IOException | RuntimeException gone) {
            // a thread ended while listing: its last sample stands
        }
    }

    private void read(Path task, boolean baseline) {
        try {
            String stat = Files.readString(task.resolve("stat"));
            int open = stat.indexOf('(');
            int close = stat.lastIndexOf(')');
            long ticks = ticks(stat);
            String tid = task.getFileName().toString();
            long[] t = byTid.computeIfAbsent(tid, k -> new long[] {baseline ? ticks : 0, 0});
            t[1] = ticks;
            names.put(tid, stat.substring(open + 1, close).replaceAll("[0-9]+", "#").trim());
        } catch (IOException | RuntimeException gone) {
            // the thread ended
        }
    }

    /** utime + stime, in clock ticks, of a {@code /proc/.../stat} line (a process or a thread). */
    static long ticks(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /**
     * Stops and returns CPU seconds per thread group, largest first (groups under 0.05 s left out).
     */
    public synchronized Map<String, Double> stopAndGet() {
        running = false;
        sampler.interrupt();
        sample(false);
        Map<String, Double> groups = new HashMap<>();
        byTid.forEach(
                (tid, t) -> groups.merge(names.get(tid), (t[1] - t[0]) / TICKS_PER_S, Double::sum));
        Map<String, Double> out = new LinkedHashMap<>();
        groups.entrySet().stream()
                .filter(e -> e.getValue() >= 0.05)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }

    /** One line: {@code group seconds, group seconds, ...}. */
    public static String describe(Map<String, Double> cpu) {
        StringBuilder sb = new StringBuilder();
        cpu.forEach(
                (g, s) ->
                        sb.append(sb.length() == 0 ? "" : ", ")
                                .append(g)
                                .append(' ')
                                .append(String.format("%.2f", s)));
        return sb.toString();
    }
}
