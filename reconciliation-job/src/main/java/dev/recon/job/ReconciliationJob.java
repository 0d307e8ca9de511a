package dev.recon.job;

import dev.recon.job.operators.MatchFunction;
import dev.recon.job.rules.RuleSetProvider;
import dev.recon.model.avro.Alert;
import dev.recon.model.avro.BillEvent;
import dev.recon.model.avro.DeadLetter;
import dev.recon.model.avro.PaymentEvent;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.io.Serializable;

/**
 * The reconciliation job: inputs and outputs come from outside (Kafka in production, in-memory in
 * tests); this class only wires the graph. {@link ReconciliationMain} parses the command line.
 */
public final class ReconciliationJob {
    private final InputFactory inputs;
    private final OutputFactory outputs;
    private final RuleSetProvider rules;

    /** Creates the job from its input and output factories and its rules. */
    public ReconciliationJob(InputFactory inputs, OutputFactory outputs, RuleSetProvider rules) {
        this.inputs = inputs;
        this.outputs = outputs;
        this.rules = rules;
    }

    /** Adds the job's operators to {@code env} and returns the alert stream. */
    public DataStream<Alert> build(StreamExecutionEnvironment env) {
        ReconciliationInputs in = inputs.create(env);
        DataStream<Alert> alerts =
                in.payments()
                        .keyBy(PaymentEvent::getPaymentId, Types.STRING)
                        .connect(in.bills().keyBy(BillEvent::getPaymentId, Types.STRING))
                        .process(new MatchFunction(rules), new AvroTypeInfo<>(Alert.class))
                        .uid(MatchFunction.UID)
                        .name("match payments with bills");
        outputs.alerts(alerts);
        if (in.deadLetters() != null) {
            outputs.deadLetters(in.deadLetters());
        }
        return alerts;
    }

    /** Creates the input streams in an environment. */
    @FunctionalInterface
    public interface InputFactory extends Serializable {
        /** Adds the sources to {@code env}. */
        ReconciliationInputs create(StreamExecutionEnvironment env);
    }

    /** Attaches sinks to the job's outputs. */
    public interface OutputFactory extends Serializable {
        /** Attaches the alert sinks. */
        void alerts(DataStream<Alert> alerts);

        /** Attaches the dead-letter sinks. */
        void deadLetters(DataStream<DeadLetter> deadLetters);
    }
}
