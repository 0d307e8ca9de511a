package dev.recon.sinks;

import dev.recon.model.avro.Alert;
import dev.recon.model.avro.AlertAction;

import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AlertLogSink} writes one WARN line per alert with the summary fields and no record data.
 */
class AlertLogSinkTest {
    private static final String LOGGER = AlertLogSink.class.getName();
    private final Capture capture = new Capture();

    @Test
    void logsOneWarnLinePerAlert() throws Exception {
        Alert alert = TestData.alert("a-1", AlertAction.TRIGGER);
        try (SinkWriter<Alert> writer = AlertSinks.log().createWriter(null)) {
            writer.write(alert, null);
            writer.write(TestData.alert("a-2", AlertAction.RESOLVE), null);
        }

        assertThat(capture.events).extracting(LogEvent::getLevel).containsOnly(Level.WARN);
        assertThat(capture.events)
                .extracting(e -> e.getMessage().getFormattedMessage())
                .containsExactly(
                        AlertLogSink.line(alert),
                        AlertLogSink.line(TestData.alert("a-2", AlertAction.RESOLVE)));
    }

    @Test
    void lineHasTheSummaryAndNoRecordContents() {
        String line = AlertLogSink.line(TestData.alert("a-1", AlertAction.TRIGGER));

        assertThat(line)
                .isEqualTo(
                        "alert TRIGGER rule=amount-mismatch severity=CRITICAL mode=ENFORCE"
                                + " key=pay-a-1 amount_at_risk_minor=50 USD alert_id=a-1");
        assertThat(line).doesNotContain("acct-secret-1").doesNotContain("billed");
    }

    @Test
    void controlCharactersCannotForgeExtraLines() {
        Alert alert = TestData.alert("a-1", AlertAction.TRIGGER);
        alert.setKey("k\nWARN fake line\r");

        assertThat(AlertLogSink.line(alert))
                .doesNotContain("\n")
                .doesNotContain("\r")
                .contains("k?WARN fake line?");
    }

    @BeforeEach
    void attach() {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        Configuration config = ctx.getConfiguration();
        capture.start();
        LoggerConfig logger = new LoggerConfig(LOGGER, Level.INFO, false);
        logger.addAppender(capture, null, null);
        config.addLogger(LOGGER, logger);
        ctx.updateLoggers();
    }

    @AfterEach
    void detach() {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        ctx.getConfiguration().removeLogger(LOGGER);
        ctx.updateLoggers();
        capture.stop();
    }

    /** Keeps the log events it receives. */
    private static final class Capture extends AbstractAppender {
        final List<LogEvent> events = new CopyOnWriteArrayList<>();

        Capture() {
            super("capture", null, null, true, Property.EMPTY_ARRAY);
        }

        @Override
        public void append(LogEvent event) {
            events.add(event.toImmutable());
        }
    }
}
