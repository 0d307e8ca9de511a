package dev.recon.rules.dsl.internal.plan;

import dev.recon.model.avro.StopLossAction;
import dev.recon.model.avro.StopLossTargetKind;
import dev.recon.rules.StopLoss;
import dev.recon.rules.dsl.internal.ast.Decl.StopLossDecl;
import dev.recon.rules.dsl.internal.check.Typing;

import org.apache.avro.Schema;

import java.time.Duration;
import java.util.Locale;

/** Turns a checked {@code stoploss} clause into the model's {@link StopLoss}. */
final class StopLossPlanner {
    private StopLossPlanner() {}

    /** The stop-loss of a clause, or null when the rule has none. */
    static StopLoss plan(StopLossDecl d, Typing typing, Schema left, Schema right) {
        if (d == null) {
            return null;
        }
        StopLossAction action = StopLossAction.valueOf(d.action().text().toUpperCase(Locale.ROOT));
        StopLossTargetKind kind =
                StopLossTargetKind.valueOf(d.target().text().toUpperCase(Locale.ROOT));
        long threshold = d.threshold() == null ? 0 : d.threshold();
        Duration window = d.window() == null ? Duration.ZERO : d.window().duration();
        return new StopLoss(
                action,
                kind,
                d.field() == null ? null : new ValuePlanner(typing, left, right).str(d.field()),
                threshold,
                window,
                d.ttl().duration());
    }
}
