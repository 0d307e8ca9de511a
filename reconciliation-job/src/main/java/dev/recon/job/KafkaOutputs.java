package dev.recon.job;

import dev.recon.model.avro.Alert;
import dev.recon.model.avro.DeadLetter;
import dev.recon.sinks.AlertSinks;
import dev.recon.sinks.DeadLetterSinks;

import org.apache.flink.streaming.api.datastream.DataStream;

/** Writes alerts (JSON) and dead letters to Kafka, and logs every alert. */
final class KafkaOutputs implements ReconciliationJob.OutputFactory {
    private static final long serialVersionUID = 1L;

    private final JobOptions opts;

    KafkaOutputs(JobOptions opts) {
        this.opts = opts;
    }

    @Override
    public void alerts(DataStream<Alert> alerts) {
        alerts.sinkTo(
                        AlertSinks.kafka()
                                .setBootstrapServers(opts.bootstrapServers())
                                .setTopic(opts.alertsTopic())
                                .setProperties(opts.kafkaProperties())
                                .build())
                .uid("alerts-kafka-sink")
                .name("alerts to Kafka " + opts.alertsTopic());
        alerts.sinkTo(AlertSinks.log()).uid("alerts-log-sink").name("alerts to the log");
    }

    @Override
    public void deadLetters(DataStream<DeadLetter> deadLetters) {
        deadLetters
                .sinkTo(
                        DeadLetterSinks.kafka()
                                .setBootstrapServers(opts.bootstrapServers())
                                .setTopic(opts.deadLetterTopic())
                                .setProperties(opts.kafkaProperties())
                                .build())
                .uid("dead-letter-kafka-sink")
                .name("dead letters to Kafka " + opts.deadLetterTopic());
    }
}
