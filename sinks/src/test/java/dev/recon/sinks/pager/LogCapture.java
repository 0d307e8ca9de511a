package dev.recon.sinks.pager;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Captures every log line of the JVM (root at its level, {@code dev.recon} at DEBUG), with stack
 * traces.
 */
final class LogCapture extends AbstractAppender {
    private static final String RECON = "dev.recon";
    private final List<String> lines = new CopyOnWriteArrayList<>();

    LogCapture() {
        super("pager-capture", null, null, true, Property.EMPTY_ARRAY);
    }

    /** Starts capturing. */
    void attach() {
        start();
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        Configuration config = ctx.getConfiguration();
        config.getRootLogger().addAppender(this, null, null);
        LoggerConfig recon = new LoggerConfig(RECON, Level.DEBUG, true);
        recon.addAppender(this, null, null);
        config.addLogger(RECON, recon);
        ctx.updateLoggers();
    }

    /** Stops capturing. */
    void detach() {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        ctx.getConfiguration().getRootLogger().removeAppender(getName());
        ctx.getConfiguration().removeLogger(RECON);
        ctx.updateLoggers();
        stop();
    }

    /** Every captured line: logger, level, message and stack trace. */
    List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void append(LogEvent event) {
        StringBuilder line =
                new StringBuilder()
                        .append(event.getLevel())
                        .append(' ')
                        .append(event.getLoggerName())
                        .append(" - ")
                        .append(event.getMessage().getFormattedMessage());
        if (event.getThrown() != null) {
            StringWriter trace = new StringWriter();
            event.getThrown().printStackTrace(new PrintWriter(trace));
            line.append('\n').append(trace);
        }
        lines.add(line.toString());
    }
}
