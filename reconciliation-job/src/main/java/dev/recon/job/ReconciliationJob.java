package dev.recon.job;

import dev.recon.job.operators.MatchFunction;
import dev.recon.job.rules.RuleSetProvider;
import dev.recon.job.stoploss.StopLossSettings;
import dev.recon.job.stoploss.StopLossStage;
import dev.recon.model.avro.Alert;
import dev.recon.model.avro.BillEvent;
import dev.recon.model.avro.DeadLetter;
import dev.recon.model.avro.PaymentEvent;
import dev.recon.model.avro.StopLossCommand;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.types.Either;

import java.io.Serializable;

/**
 * The reconciliation job: inputs and outputs come from outside (Kafka in production, in-memory in
 * tests); this class only wires the graph. {@link ReconciliationMain} parses the command line.
 */
public final class ReconciliationJob {
    private final InputFactory inputs;
    private final OutputFactory outputs;
    private final RuleSetProvider rules;
    private final StopLossSettings stopLoss;

    /** Creates the job from its input and output factories and its rules; stop-loss is off. */
    public ReconciliationJob(InputFactory inputs, OutputFactory outputs, RuleSetProvider rules) {
        this(inputs, outputs, rules, StopLossSettings.off());
    }

    private ReconciliationJob(
            InputFactory inputs,
            OutputFactory outputs,
            RuleSetProvider rules,
            StopLossSettings stopLoss) {
        this.inputs = inputs;
        this.outputs = outputs;
        this.rules = rules;
        this.stopLoss = stopLoss;
    }

    /** The same job acting on the alerts' stop-loss specs as {@code settings} say. */
    public ReconciliationJob withStopLoss(StopLossSettings settings) {
        return new ReconciliationJob(inputs, outputs, rules, settings);
    }

    /** Adds the job's operators to {@code env} and returns the alert stream. */
    public DataStream<Alert> build(StreamExecutionEnvironment env) {
        ReconciliationInputs in = inputs.create(env);
        TypeInformation<Either<PaymentEvent, BillEvent>> type = MatchFunction.inputType();
        DataStream<Either<PaymentEvent, BillEvent>> events =
                in.payments()
                        .map(p -> Either.<PaymentEvent, BillEvent>Left(p), type)
                        .uid("payments-as-left")
                        .name("payments")
                        .union(
                                in.bills()
                                        .map(b -> Either.<PaymentEvent, BillEvent>Right(b), type)
                                        .uid("bills-as-right")
                                        .name("bills"));
        DataStream<String> updates =
                in.ruleUpdates() != null
                        ? in.ruleUpdates()
                        : env.fromSequence(0, 0)
                                .filter(n -> false)
                                .map(n -> "", Types.STRING)
                                .name("no rule updates");
        SingleOutputStreamOperator<Alert> alerts =
                events.keyBy(MatchFunction::keyOf, Types.STRING)
                        .connect(updates.broadcast(MatchFunction.RULES))
                        .process(new MatchFunction(rules), new AvroTypeInfo<>(Alert.class))
                        .uid(MatchFunction.UID)
                        .name("match payments with bills");
        outputs.alerts(alerts);
        outputs.audit(alerts.getSideOutput(MatchFunction.AUDIT));
        if (in.deadLetters() != null) {
            outputs.deadLetters(in.deadLetters());
        }
        if (stopLoss.enabled()) {
            StopLossStage.Outputs actions =
                    StopLossStage.attach(alerts, in.stopLossRequests(), stopLoss);
            outputs.stopLossCommands(actions.commands());
            outputs.stopLossAudit(actions.audit());
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

        /** Attaches the sink of rule-set audit records (JSON). */
        void audit(DataStream<String> audit);

        /** Attaches the sink of stop-loss commands for the payment systems; default: discard. */
        default void stopLossCommands(DataStream<StopLossCommand> commands) {}

        /** Attaches the sink of stop-loss audit records (JSON); default: discard. */
        default void stopLossAudit(DataStream<String> audit) {}
    }
}
