package dev.recon.job;

import dev.recon.job.operators.Lateness;
import dev.recon.job.operators.MatchFunction;
import dev.recon.job.paging.Paging;
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
import java.util.List;

/**
 * The reconciliation job: inputs and outputs come from outside (Kafka in production, in-memory in
 * tests); this class only wires the graph. {@link ReconciliationMain} parses the command line.
 */
public final class ReconciliationJob {
    private final InputFactory inputs;
    private final OutputFactory outputs;
    private final RuleSetProvider rules;
    private Paging paging = new Paging(null, List.of());
    private final Lateness lateness;
    private StopLossSettings stopLoss = StopLossSettings.off();

    /** Creates the job from its input and output factories and its rules; stop-loss is off. */
    public ReconciliationJob(InputFactory inputs, OutputFactory outputs, RuleSetProvider rules) {
        this(inputs, outputs, rules, new Lateness(Lateness.DEFAULT_ALLOWED));
    }

    /** Creates the job; records beyond {@code lateness} go to {@link OutputFactory#lateEvents}. */
    public ReconciliationJob(
            InputFactory inputs, OutputFactory outputs, RuleSetProvider rules, Lateness lateness) {
        this.inputs = inputs;
        this.outputs = outputs;
        this.rules = rules;
        this.lateness = lateness;
    }

    /** Pages the alerts through the given pagers (storm control, budgets, delivery). */
    public ReconciliationJob withPaging(Paging paging) {
        this.paging = paging;
        return this;
    }

    /** Acts on the alerts' stop-loss specs as {@code settings} say (off by default). */
    public ReconciliationJob withStopLoss(StopLossSettings settings) {
        this.stopLoss = settings;
        return this;
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
                        .process(
                                new MatchFunction(rules, lateness), new AvroTypeInfo<>(Alert.class))
                        .uid(MatchFunction.UID)
                        .name("match payments with bills");
        outputs.alerts(alerts);
        outputs.audit(alerts.getSideOutput(MatchFunction.AUDIT));
        outputs.lateEvents(alerts.getSideOutput(MatchFunction.LATE_EVENTS));
        DataStream<DeadLetter> dead = in.deadLetters();
        DataStream<DeadLetter> undeliveredPages = paging.attach(alerts);
        if (undeliveredPages != null) {
            dead = dead == null ? undeliveredPages : dead.union(undeliveredPages);
        }
        if (dead != null) {
            outputs.deadLetters(dead);
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

        /** Attaches the sink of records beyond the allowed lateness; by default none. */
        default void lateEvents(DataStream<DeadLetter> late) {}

        /** Attaches the sink of stop-loss commands for the payment systems; default: discard. */
        default void stopLossCommands(DataStream<StopLossCommand> commands) {}

        /** Attaches the sink of stop-loss audit records (JSON); default: discard. */
        default void stopLossAudit(DataStream<String> audit) {}
    }
}
