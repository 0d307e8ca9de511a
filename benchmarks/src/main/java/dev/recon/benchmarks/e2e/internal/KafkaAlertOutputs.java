package dev.recon.benchmarks.e2e.internal;

import dev.recon.job.ReconciliationJob;
import dev.recon.model.avro.Alert;
import dev.recon.model.avro.DeadLetter;
import dev.recon.sinks.AlertSinks;

import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * The engine's alerts to the Kafka alerts topic as deployed (JSON, key alert id), and also counted
 * by rule id; dead letters and audit records discarded.
 */
public final class KafkaAlertOutputs implements ReconciliationJob.OutputFactory {
    private static final long serialVersionUID = 1L;

    private final String servers;

    /** Writes to the {@code alerts} topic of the broker at {@code servers}. */
    public KafkaAlertOutputs(String servers) {
        this.servers = servers;
    }

    @Override
    public void alerts(DataStream<Alert> alerts) {
        alerts.sinkTo(AlertSinks.kafka().setBootstrapServers(servers).setTopic("alerts").build())
                .uid("bench-alerts-kafka")
                .name("alerts to Kafka");
        alerts.sinkTo(new TallySink<>("alerts", a -> a.getRuleId()))
                .uid("bench-count-alerts")
                .name("count alerts");
    }

    @Override
    public void deadLetters(DataStream<DeadLetter> deadLetters) {
        deadLetters.sinkTo(new DiscardingSink<>()).name("discard dead letters");
    }

    @Override
    public void audit(DataStream<String> audit) {
        audit.sinkTo(new DiscardingSink<>()).uid("bench-audit").name("discard audit");
    }
}
