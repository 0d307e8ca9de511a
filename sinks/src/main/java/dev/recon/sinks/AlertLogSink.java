package dev.recon.sinks;

import dev.recon.model.avro.Alert;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each alert as one WARN line: action, rule, severity, key, amount at risk and alert id. It
 * never logs the record contents ({@code left}/{@code right}, message), which may hold account
 * data.
 */
public final class AlertLogSink implements Sink<Alert> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(AlertLogSink.class);

    @Override
    public SinkWriter<Alert> createWriter(WriterInitContext context) {
        return new Writer();
    }

    /** The log line of an alert; control characters are replaced so it stays one line. */
    public static String line(Alert a) {
        return "alert "
                + a.getAction()
                + " rule="
                + clean(a.getRuleId())
                + " severity="
                + a.getSeverity()
                + " mode="
                + a.getMode()
                + " key="
                + clean(a.getKey())
                + " amount_at_risk_minor="
                + a.getAmountAtRiskMinor()
                + " "
                + clean(a.getCurrency())
                + " alert_id="
                + clean(a.getAlertId());
    }

    private static String clean(String s) {
        return s == null ? "null" : s.replaceAll("\\p{Cntrl}", "?");
    }

    /** Writes each alert to the log. */
    private static final class Writer implements SinkWriter<Alert> {
        @Override
        public void write(Alert alert, Context context) {
            LOG.warn("{}", line(alert));
        }

        @Override
        public void flush(boolean endOfInput) {}

        @Override
        public void close() {}
    }
}
