package dev.recon.job.stoploss;

import dev.recon.model.StopLossJson;
import dev.recon.model.avro.Alert;
import dev.recon.model.avro.StopLossCommand;
import dev.recon.model.avro.StopLossMode;
import dev.recon.model.avro.StopLossOutcome;
import dev.recon.model.avro.StopLossProposal;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

import javax.annotation.Nullable;

import java.util.EnumSet;
import java.util.Set;

/**
 * Wires stop-loss behind the alerts: alerts carrying a spec → {@link StopLossTriggerFunction}
 * (keyed by rule, currency and target) → {@link StopLossGovernor} (parallelism 1, with the unblock
 * requests) → the commands to publish and the audit records (JSON). The topology is the same in
 * dry-run and enforce, so a restore may switch modes.
 */
public final class StopLossStage {
    private static final Set<StopLossOutcome> PUBLISHED =
            EnumSet.of(
                    StopLossOutcome.ISSUED,
                    StopLossOutcome.RENEWED,
                    StopLossOutcome.UNBLOCKED,
                    StopLossOutcome.EXPIRED);

    private StopLossStage() {}

    /**
     * The two outputs: commands for the payment systems (ENFORCE only) and every decision as audit
     * JSON. Both come from one subtask in decision order; keep their sinks at parallelism 1 so a
     * target's BLOCK can never overtake its UNBLOCK.
     */
    public record Outputs(DataStream<StopLossCommand> commands, DataStream<String> audit) {}

    /** Attaches stop-loss to {@code alerts}; {@code requests} is null when there are none. */
    public static Outputs attach(
            DataStream<Alert> alerts, @Nullable DataStream<String> requests, StopLossSettings s) {
        if (!s.enabled()) {
            throw new IllegalArgumentException("stop-loss is off; do not attach it");
        }
        DataStream<String> control = requests != null ? requests : noRequests(alerts);
        SingleOutputStreamOperator<StopLossProposal> proposals =
                alerts.filter(a -> a.getStoploss() != null)
                        .uid("stoploss-alerts")
                        .name("alerts with a stop-loss")
                        .keyBy(StopLossTriggerFunction::keyOf, Types.STRING)
                        .process(
                                new StopLossTriggerFunction(),
                                new AvroTypeInfo<>(StopLossProposal.class))
                        .uid(StopLossTriggerFunction.UID)
                        .name("stop-loss trigger");
        SingleOutputStreamOperator<StopLossCommand> decisions =
                proposals
                        .keyBy(p -> StopLossGovernor.KEY, Types.STRING)
                        .connect(control.keyBy(r -> StopLossGovernor.KEY, Types.STRING))
                        .process(
                                new StopLossGovernor(s.mode(), s.cap()),
                                new AvroTypeInfo<>(StopLossCommand.class))
                        .uid(StopLossGovernor.UID)
                        .name("stop-loss governor")
                        .setParallelism(1);
        DataStream<StopLossCommand> commands =
                decisions
                        .filter(StopLossStage::published)
                        .uid("stoploss-published")
                        .name("stop-loss commands to publish")
                        .setParallelism(1);
        DataStream<String> audit =
                decisions
                        .map(StopLossJson::toJson, Types.STRING)
                        .uid("stoploss-audit-json")
                        .name("stop-loss audit JSON")
                        .setParallelism(1)
                        .union(decisions.getSideOutput(StopLossGovernor.REJECTED));
        return new Outputs(commands, audit);
    }

    /** Whether a decision goes to the payment systems: enforced, and not audit-only. */
    public static boolean published(StopLossCommand c) {
        return c.getMode() == StopLossMode.ENFORCE && PUBLISHED.contains(c.getOutcome());
    }

    private static DataStream<String> noRequests(DataStream<Alert> alerts) {
        return alerts.getExecutionEnvironment()
                .fromSequence(0, 0)
                .filter(n -> false)
                .map(n -> "", Types.STRING)
                .name("no stop-loss requests");
    }
}
