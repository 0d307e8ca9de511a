package dev.recon.job;

import dev.recon.job.stoploss.StopLossKafkaSerializer;
import dev.recon.model.avro.Alert;
import dev.recon.model.avro.DeadLetter;
import dev.recon.model.avro.StopLossCommand;
import dev.recon.sinks.AlertSinks;
import dev.recon.sinks.DeadLetterSinks;

import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
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
    public void audit(DataStream<String> audit) {
        audit.sinkTo(
                        KafkaSink.<String>builder()
                                .setBootstrapServers(opts.bootstrapServers())
                                .setKafkaProducerConfig(opts.kafkaProperties())
                                .setRecordSerializer(
                                        KafkaRecordSerializationSchema.<String>builder()
                                                .setTopic(opts.auditTopic())
                                                .setValueSerializationSchema(
                                                        new SimpleStringSchema())
                                                .build())
                                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                                .build())
                .uid("rules-audit-kafka-sink")
                .name("rule-set audit to Kafka " + opts.auditTopic());
    }

    /** At least once, parallelism 1: the decisions' order per target is kept. */
    @Override
    public void stopLossCommands(DataStream<StopLossCommand> commands) {
        commands.sinkTo(
                        KafkaSink.<StopLossCommand>builder()
                                .setBootstrapServers(opts.bootstrapServers())
                                .setKafkaProducerConfig(opts.kafkaProperties())
                                .setRecordSerializer(
                                        StopLossKafkaSerializer.commands(
                                                opts.stopLossCommandsTopic()))
                                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                                .build())
                .uid("stoploss-commands-kafka-sink")
                .name("stop-loss commands to Kafka " + opts.stopLossCommandsTopic())
                .setParallelism(1);
    }

    /** At least once, parallelism 1. */
    @Override
    public void stopLossAudit(DataStream<String> audit) {
        audit.sinkTo(
                        KafkaSink.<String>builder()
                                .setBootstrapServers(opts.bootstrapServers())
                                .setKafkaProducerConfig(opts.kafkaProperties())
                                .setRecordSerializer(
                                        StopLossKafkaSerializer.audit(opts.stopLossAuditTopic()))
                                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                                .build())
                .uid("stoploss-audit-kafka-sink")
                .name("stop-loss audit to Kafka " + opts.stopLossAuditTopic())
                .setParallelism(1);
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

    /** Late records go to the dead-letter topic too; their reason starts with "late: ". */
    @Override
    public void lateEvents(DataStream<DeadLetter> late) {
        late.sinkTo(
                        DeadLetterSinks.kafka()
                                .setBootstrapServers(opts.bootstrapServers())
                                .setTopic(opts.deadLetterTopic())
                                .setProperties(opts.kafkaProperties())
                                .build())
                .uid("late-events-kafka-sink")
                .name("late events to Kafka " + opts.deadLetterTopic());
    }
}
