package dev.recon.benchmarks.e2e.internal;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;

/** Routes one of Flink's loggers, at a level, into an appender of the harness (and only there). */
final class LogTap {
    private LogTap() {}

    /** Starts {@code appender} on {@code logger}; false when log4j's core is not the backend. */
    static boolean install(AbstractAppender appender, String logger, Level level) {
        if (!(LogManager.getContext(false) instanceof LoggerContext ctx)) {
            return false;
        }
        appender.start();
        Configuration cfg = ctx.getConfiguration();
        cfg.addAppender(appender);
        LoggerConfig config = new LoggerConfig(logger, level, false);
        config.addAppender(appender, level, null);
        cfg.addLogger(logger, config);
        ctx.updateLoggers();
        return true;
    }
}
