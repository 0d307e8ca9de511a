package dev.recon.benchmarks.e2e.internal;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

import java.util.ArrayList;
import java.util.List;

/**
 * Records why a live job failed or restarted: Flink's own INFO lines of its execution graph ("...
 * switched from RUNNING to FAILED", "... to RESTARTING") with the first line of their cause, so a
 * long run says what happened instead of only showing its state shrink.
 */
public final class JobFailures extends AbstractAppender {
    private static final String LOGGER = "org.apache.flink.runtime.executiongraph";
    private static final int MAX = 20;
    private static final List<String> RECORDED = new ArrayList<>();
    private static boolean installed;

    private JobFailures() {
        super("job-failures", null, null, true, Property.EMPTY_ARRAY);
    }

    /** Starts recording (idempotent): that logger at INFO, into this appender only. */
    public static synchronized void install() {
        if (!installed) {
            installed = LogTap.install(new JobFailures(), LOGGER, Level.INFO);
        }
    }

    @Override
    public void append(LogEvent event) {
        String m = event.getMessage().getFormattedMessage();
        if (!m.contains("to FAILED") && !m.contains("to RESTARTING")) {
            return;
        }
        Throwable t = event.getThrown();
        String line = t == null ? m : m + " cause: " + rootCause(t);
        synchronized (RECORDED) {
            if (RECORDED.size() < MAX) {
                RECORDED.add(line);
            }
        }
    }

    private static String rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.toString().lines().findFirst().orElse("");
    }

    /** The lines recorded since the last call (at most 20); then forgets them. */
    public static List<String> take() {
        synchronized (RECORDED) {
            List<String> out = List.copyOf(RECORDED);
            RECORDED.clear();
            return out;
        }
    }
}
