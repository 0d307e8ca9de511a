package dev.recon.benchmarks.e2e.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Watches a live job for a checkpoint stall (none completed for {@code stallMs}) and only then
 * writes thread dumps of this JVM and of the broker process, so that watching costs nothing before.
 */
public final class StallWatch implements AutoCloseable {
    private static final long POLL_MS = 2_000;

    private final Path dir;
    private final long stallMs;
    private final int maxDumps;
    private final long profileMs;
    private final Thread thread;
    private volatile boolean stop;
    private volatile int dumps;

    private StallWatch(Path dir, long stallMs, int maxDumps, long profileMs) {
        this.dir = dir;
        this.profileMs = profileMs;
        this.stallMs = stallMs;
        this.maxDumps = maxDumps;
        this.thread = new Thread(this::watch, "bench-stall-watch");
        thread.setDaemon(true);
    }

    /**
     * Starts watching; dumps go to {@code dir} as stall-N-harness.txt, stall-N-broker.txt and
     * stall-N-rocksdb/, and the first stall is profiled for {@code profileMs}
     * (stall-1-profile.txt).
     */
    public static StallWatch start(Path dir, long stallMs, int maxDumps, long profileMs) {
        StallWatch w = new StallWatch(dir, stallMs, maxDumps, profileMs);
        w.thread.start();
        return w;
    }

    /** How many dumps were written. */
    public int dumps() {
        return dumps;
    }

    private void watch() {
        long last = -1;
        long since = System.currentTimeMillis();
        long nextDump = 0;
        while (!stop && dumps < maxDumps) {
            sleep(POLL_MS);
            long done = TallyReporter.job("numberOfCompletedCheckpoints");
            long now = System.currentTimeMillis();
            if (done != last) {
                last = done;
                since = now;
            } else if (done > 0 && now - since >= stallMs && now >= nextDump) {
                dump(now - since);
                nextDump = now + stallMs / 2;
            }
        }
    }

    private void dump(long stalledMs) {
        int n = dumps + 1;
        String head = "stalled " + stalledMs + " ms at " + java.time.Instant.now() + "\n\n";
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("stall-" + n + "-harness.txt"), head + threads());
            Optional<ProcessHandle> broker = broker();
            if (broker.isPresent()) {
                jcmd(broker.get(), dir.resolve("stall-" + n + "-broker.txt"));
            }
            RocksDbFiles.copy(dir.getParent(), dir.resolve("stall-" + n + "-rocksdb"));
            if (n == 1) {
                Files.writeString(
                        dir.resolve("stall-1-profile.txt"),
                        StallProfile.take("match payments", profileMs, 20, broker));
            }
            System.out.println(
                    "  (stall: no checkpoint for " + stalledMs + " ms; dumps in " + dir + ")");
        } catch (IOException | RuntimeException e) {
            System.out.println("  (stall dump failed: " + e + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            dumps = n;
        }
    }

    private static void jcmd(ProcessHandle p, Path out) throws IOException, InterruptedException {
        new ProcessBuilder("jcmd", Long.toString(p.pid()), "Thread.print")
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start()
                .waitFor(20, TimeUnit.SECONDS);
    }

    /** Every thread of this JVM with its full stack and what it waits on. */
    static String threads() {
        StringBuilder sb = new StringBuilder();
        for (ThreadInfo t : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            sb.append('"').append(t.getThreadName()).append("\" ").append(t.getThreadState());
            if (t.getLockName() != null) {
                sb.append(" on ").append(t.getLockName());
            }
            if (t.getLockOwnerName() != null) {
                sb.append(" owned by \"").append(t.getLockOwnerName()).append('"');
            }
            sb.append('\n');
            for (StackTraceElement e : t.getStackTrace()) {
                sb.append("\tat ").append(e).append('\n');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static Optional<ProcessHandle> broker() {
        return ProcessHandle.current()
                .descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("kafka.Kafka"))
                .findFirst();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop = true;
        thread.interrupt();
    }
}
