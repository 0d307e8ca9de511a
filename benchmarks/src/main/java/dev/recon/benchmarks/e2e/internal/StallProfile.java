package dev.recon.benchmarks.e2e.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A few seconds' look at a stalled job: stack samples of the threads whose name starts with a
 * prefix (counted by their top frames), CPU seconds per thread group of this JVM and of the broker.
 */
final class StallProfile {
    private static final int DEPTH = 6;

    private StallProfile() {}

    /** Samples every {@code everyMs} for {@code ms}; returns the report. */
    static String take(String prefix, long ms, long everyMs, Optional<ProcessHandle> broker)
            throws InterruptedException {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<String, Integer> stacks = new HashMap<>();
        long brokerBefore = broker.map(StallProfile::ticks).orElse(0L);
        int samples = 0;
        try (ThreadCpu cpu = ThreadCpu.start()) {
            long end = System.currentTimeMillis() + ms;
            while (System.currentTimeMillis() < end) {
                for (ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds(), DEPTH)) {
                    if (t != null && t.getThreadName().startsWith(prefix)) {
                        stacks.merge(key(t), 1, Integer::sum);
                    }
                }
                samples++;
                Thread.sleep(everyMs);
            }
            long brokerTicks = broker.map(StallProfile::ticks).orElse(0L) - brokerBefore;
            return String.format(
                    "%d samples over %d ms of threads '%s*' (state: top frames):%n%s%n"
                            + "CPU s in this JVM: %s%nCPU s in the broker: %.2f%n",
                    samples,
                    ms,
                    prefix,
                    top(stacks),
                    ThreadCpu.describe(cpu.stopAndGet()),
                    brokerTicks / 100.0);
        }
    }

    private static String key(ThreadInfo t) {
        return t.getThreadName().replaceAll(".*\\((\\d+/\\d+)\\).*", "$1")
                + " "
                + t.getThreadState()
                + ": "
                + Arrays.stream(t.getStackTrace())
                        .map(e -> shortClass(e.getClassName()) + "." + e.getMethodName())
                        .collect(Collectors.joining(" < "));
    }

    private static String shortClass(String c) {
        return c.substring(c.lastIndexOf('.') + 1);
    }

    private static String top(Map<String, Integer> stacks) {
        return stacks.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(25)
                .map(e -> String.format("%5d  %s", e.getValue(), e.getKey()))
                .collect(Collectors.joining("\n"));
    }

    /** utime + stime of a process, in clock ticks (0 if it cannot be read). */
    private static long ticks(ProcessHandle p) {
        try {
            return ThreadCpu.ticks(
                    Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat")));
        } catch (Exception e) {
            return 0;
        }
    }
}
