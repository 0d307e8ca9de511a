package dev.recon.benchmarks.e2e.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where each task's thread spent a bounded case: Flink's accumulated busy, back-pressured and idle
 * milliseconds per task (summed over its subtasks), taken from the metric reporter as tasks end.
 */
public final class TaskTimes {
    /** The three accumulated task times Flink reports, in this order. */
    static final String[] METRICS = {
        "accumulateBusyTimeMs", "accumulateBackPressuredTimeMs", "accumulateIdleTimeMs"
    };

    private static final Map<String, long[]> TIMES = new ConcurrentHashMap<>();

    private TaskTimes() {}

    /** Index of {@code metric} in {@link #METRICS}, -1 for any other metric. */
    static int indexOf(String metric) {
        for (int i = 0; i < METRICS.length; i++) {
            if (METRICS[i].equals(metric)) {
                return i;
            }
        }
        return -1;
    }

    /** Adds a subtask's final value of one of the {@link #METRICS}. */
    static void add(String task, int index, long ms) {
        long[] t = TIMES.computeIfAbsent(task, k -> new long[METRICS.length]);
        synchronized (t) {
            t[index] += ms;
        }
    }

    /** Busy, back-pressured and idle ms per task name since the last call; then forgets them. */
    public static Map<String, long[]> take() {
        Map<String, long[]> out = new TreeMap<>(TIMES);
        TIMES.clear();
        return out;
    }

    /** One line per task: busy / back-pressured / idle seconds, summed over its subtasks. */
    public static String describe(Map<String, long[]> times) {
        StringBuilder sb = new StringBuilder();
        times.forEach(
                (task, t) ->
                        sb.append(
                                String.format(
                                        "    %-70.70s busy %6.2f s  back-pressured %6.2f s"
                                                + "  idle %6.2f s%n",
                                        task, t[0] / 1e3, t[1] / 1e3, t[2] / 1e3)));
        return sb.toString();
    }
}
