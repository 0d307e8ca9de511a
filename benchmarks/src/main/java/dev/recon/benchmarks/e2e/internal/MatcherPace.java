package dev.recon.benchmarks.e2e.internal;

/**
 * The matcher's pace between two samples of a live job: input records and fired timers per second,
 * and the CPU its threads used per record or timer ({@code /proc}, this JVM).
 */
final class MatcherPace implements AutoCloseable {
    private static final String THREADS =
            "match payments"; // the task's thread name, as /proc has it

    private long in = TallyReporter.matcher("numRecordsIn");
    private long timers = TallyReporter.matcher("numFiredTimers");
    private long at = System.nanoTime();
    private ThreadCpu cpu = ThreadCpu.start();

    /** The pace since the last call (or since this was made), as one line. */
    String next() {
        long nowIn = TallyReporter.matcher("numRecordsIn");
        long nowTimers = TallyReporter.matcher("numFiredTimers");
        long now = System.nanoTime();
        double s = (now - at) / 1e9;
        double cpuS = cpu.stopAndGet().getOrDefault(THREADS, 0.0);
        long ops = nowIn - in + nowTimers - timers;
        String line =
                String.format(
                        "matcher in %,.0f/s, timers %,.0f/s, CPU %.0f%% of a core, %s us per"
                                + " record or timer",
                        (nowIn - in) / s,
                        (nowTimers - timers) / s,
                        100 * cpuS / s,
                        ops == 0 ? "-" : String.format("%.1f", cpuS * 1e6 / ops));
        in = nowIn;
        timers = nowTimers;
        at = now;
        cpu = ThreadCpu.start();
        return line;
    }

    @Override
    public void close() {
        cpu.close();
    }
}
