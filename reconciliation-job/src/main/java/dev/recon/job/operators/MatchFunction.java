package dev.recon.job.operators;

import dev.recon.job.operators.internal.InputEventTypeInfo;
import dev.recon.job.operators.internal.MatchStateSerializer;
import dev.recon.job.rules.RuleSetProvider;
import dev.recon.job.rules.RuleUpdates;
import dev.recon.model.avro.Alert;
import dev.recon.model.avro.BillEvent;
import dev.recon.model.avro.DeadLetter;
import dev.recon.model.avro.MatchState;
import dev.recon.model.avro.PaymentEvent;
import dev.recon.rules.RuleSet;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.types.Either;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Joins payments (left) and bills (right) by payment id, runs the rules in force on a match, and
 * issues missing-counterpart verdicts from a processing-time timer, so a verdict fires on time even
 * when the other stream is silent ({@link MatchLogic}). A record more than the allowed lateness
 * behind the watermark is not reconciled: it goes to {@link #LATE_EVENTS} and raises an alert.
 * Rule-set updates arrive as broadcast JSON bundles; each subtask compiles them, and only the text
 * enters state.
 */
public final class MatchFunction
        extends KeyedBroadcastProcessFunction<
                String, Either<PaymentEvent, BillEvent>, String, Alert> {
    private static final long serialVersionUID = 1L;

    /** Stable uid of the operator; part of savepoint compatibility. */
    public static final String UID = "match-payments-bills";

    /** The one state record per payment id; a hand-coded serializer (Avro bytes), never Kryo. */
    public static final ValueStateDescriptor<MatchState> STATE =
            new ValueStateDescriptor<>("match-state", new MatchStateSerializer());

    /** Broadcast state: key {@link #ACTIVE} holds the bundle JSON of the pushed rule set. */
    public static final MapStateDescriptor<String, String> RULES =
            new MapStateDescriptor<>("rules", Types.STRING, Types.STRING);

    /** Key of the rule set in force in {@link #RULES}. */
    public static final String ACTIVE = "active";

    /**
     * Side output: records beyond the allowed lateness, not reconciled (each also raises a {@code
     * late-event} alert). DeadLetter-shaped; the payload is the record's raw Avro.
     */
    public static final OutputTag<DeadLetter> LATE_EVENTS =
            new OutputTag<>("late-events", new AvroTypeInfo<>(DeadLetter.class));

    /** Side output: one JSON audit record per rule-set update (from subtask 0 only). */
    public static final OutputTag<String> AUDIT = new OutputTag<>("rules-audit", Types.STRING);

    private final RuleSetProvider initialRules;
    private final Lateness lateness;
    private transient ActiveRules rules;
    private transient MatchLogic logic;
    private transient boolean restoredChecked;

    /** A matcher with the default allowed lateness ({@link Lateness#DEFAULT_ALLOWED}). */
    public MatchFunction(RuleSetProvider initialRules) {
        this(initialRules, new Lateness(Lateness.DEFAULT_ALLOWED));
    }

    /**
     * Creates the matcher; the start-up rule set is compiled on each subtask in {@code open}.
     * Records beyond {@code lateness} go to {@link #LATE_EVENTS} instead of being reconciled.
     */
    public MatchFunction(RuleSetProvider initialRules, Lateness lateness) {
        this.initialRules = initialRules;
        this.lateness = lateness;
    }

    /** The type of the matcher's input: a payment (left) or a bill (right). */
    public static TypeInformation<Either<PaymentEvent, BillEvent>> inputType() {
        return new InputEventTypeInfo();
    }

    /** The join key: the payment id of either side. */
    public static String keyOf(Either<PaymentEvent, BillEvent> e) {
        return e.isLeft() ? e.left().getPaymentId() : e.right().getPaymentId();
    }

    @Override
    public void open(OpenContext ctx) {
        RuleSet initial = initialRules.load();
        var recon = initial.reconciliations().get(0);
        MatchMetrics metrics =
                new MatchMetrics(
                        getRuntimeContext().getMetricGroup(),
                        recon.left().name(),
                        recon.right().name());
        rules = new ActiveRules(initial, metrics);
        logic = new MatchLogic(getRuntimeContext().getState(STATE), rules, metrics, lateness);
        restoredChecked = false;
    }

    @Override
    public void processElement(
            Either<PaymentEvent, BillEvent> e, ReadOnlyContext ctx, Collector<Alert> out)
            throws Exception {
        adoptRestoredRules(ctx);
        LatenessGate.LateOutput late = dl -> ctx.output(LATE_EVENTS, dl);
        if (e.isLeft()) {
            logic.onPayment(e.left(), ctx.timerService(), out, late);
        } else {
            logic.onBill(e.right(), ctx.timerService(), out, late);
        }
    }

    @Override
    public void processBroadcastElement(String bundleJson, Context ctx, Collector<Alert> out)
            throws Exception {
        restoredChecked = true;
        String previous = rules.version();
        RuleUpdates.Outcome o = RuleUpdates.compile(bundleJson);
        if (o.accepted()) {
            rules.install(o.ruleSet(), bundleJson);
            ctx.getBroadcastState(RULES).put(ACTIVE, bundleJson);
        }
        if (getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() == 0) {
            ctx.output(AUDIT, RuleAudit.of(o, previous, ctx.currentProcessingTime()));
        }
    }

    @Override
    public void onTimer(long ts, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        adoptRestoredRules(ctx);
        logic.onTimer(ts, ctx.timerService(), out);
    }

    /** After a restore, the pushed rule set in broadcast state replaces the start-up one. */
    private void adoptRestoredRules(ReadOnlyContext ctx) throws Exception {
        if (restoredChecked) {
            return;
        }
        restoredChecked = true;
        String json = ctx.getBroadcastState(RULES).get(ACTIVE);
        if (json != null && !json.equals(rules.source())) {
            RuleUpdates.Outcome o = RuleUpdates.compile(json);
            if (o.accepted()) {
                rules.install(o.ruleSet(), json);
            }
        }
    }
}
