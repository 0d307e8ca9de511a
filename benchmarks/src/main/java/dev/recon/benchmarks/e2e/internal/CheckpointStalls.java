package dev.recon.benchmarks.e2e.internal;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Records how long each checkpoint held a task back (barrier alignment and the synchronous part of
 * its snapshot), read from Flink's own DEBUG line of {@code SubtaskCheckpointCoordinatorImpl}.
 */
public final class CheckpointStalls extends AbstractAppender {
    private static final String LOGGER =
            "org.apache.flink.streaming.runtime.tasks.SubtaskCheckpointCoordinatorImpl";
    private static final Pattern LINE =
            Pattern.compile(
                    "^(.*) - finished synchronous part of checkpoint (\\d+)\\."
                            + " Alignment duration: (\\d+) ms, snapshot duration (\\d+) ms");
    private static final List<Stall> RECORDED = new CopyOnWriteArrayList<>();
    private static volatile boolean installed;

    /** One task's part of one checkpoint: when it ended (epoch ms) and its two durations. */
    public record Stall(long at, String task, long checkpoint, long alignMs, long syncMs) {}

    private CheckpointStalls() {
        super("checkpoint-stalls", null, null, true, Property.EMPTY_ARRAY);
    }

    /** Starts recording (idempotent): turns that one logger to DEBUG, into this appender only. */
    public static synchronized void install() {
        if (!installed) {
            installed = LogTap.install(new CheckpointStalls(), LOGGER, Level.DEBUG);
        }
    }

    @Override
    public void append(LogEvent event) {
        Matcher m = LINE.matcher(event.getMessage().getFormattedMessage());
        if (m.find()) {
            RECORDED.add(
                    new Stall(
                            event.getTimeMillis(),
                            m.group(1),
                            Long.parseLong(m.group(2)),
                            Long.parseLong(m.group(3)),
                            Long.parseLong(m.group(4))));
        }
    }

    /** The stalls of tasks whose name starts with {@code task}, ended within [from, to]. */
    public static List<Stall> of(String task, long from, long to) {
        return RECORDED.stream()
                .filter(s -> s.task().startsWith(task) && s.at() >= from && s.at() <= to)
                .toList();
    }

    /**
     * "sync p50 / max, alignment max (n checkpoints)" in ms over {@code stalls}, or "-" if none.
     */
    public static String summary(List<Stall> stalls) {
        if (stalls.isEmpty()) {
            return "-";
        }
        Latencies sync = new Latencies();
        Latencies align = new Latencies();
        stalls.forEach(
                s -> {
                    sync.add(s.syncMs());
                    align.add(s.alignMs());
                });
        return String.format(
                "%d / %d, %d (n=%d)",
                sync.percentile(50), sync.percentile(100), align.percentile(100), stalls.size());
    }
}
