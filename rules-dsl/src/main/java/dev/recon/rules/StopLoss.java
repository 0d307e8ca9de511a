package dev.recon.rules;

import dev.recon.model.avro.StopLossAction;
import dev.recon.model.avro.StopLossTargetKind;
import dev.recon.rules.expr.StringExpr;

import org.apache.avro.generic.IndexedRecord;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The stop-loss action a rule carries: hold or block a merchant, channel or route once the amount
 * at risk against it within {@code window} exceeds {@code thresholdMinor} (a threshold of 0 with no
 * window: on the first break); the action lasts {@code ttl} unless renewed. A channel or route is
 * the value of a string field of the pair, read by {@code target} (by position, as every rule
 * expression); a merchant is the alert's merchant id.
 *
 * <pre>{@code
 * StopLoss.merchant(StopLossAction.HOLD, 100_000, Duration.ofMinutes(5), Duration.ofMinutes(30));
 * StopLoss.of(StopLossAction.BLOCK, StopLossTargetKind.CHANNEL,
 *         Fields.stringField(Side.LEFT, schema, "source_system"), 0, Duration.ZERO, ttl);
 * }</pre>
 */
public record StopLoss(
        StopLossAction action,
        StopLossTargetKind targetKind,
        StringExpr target,
        long thresholdMinor,
        Duration window,
        Duration ttl) {

    /**
     * Validates: a field for a channel or route (none for a merchant), a window with a threshold.
     */
    public StopLoss {
        Objects.requireNonNull(action, "stop-loss action: HOLD or BLOCK");
        Objects.requireNonNull(targetKind, "stop-loss target kind: MERCHANT, CHANNEL or ROUTE");
        Objects.requireNonNull(window, "stop-loss window (Duration.ZERO without a threshold)");
        Objects.requireNonNull(ttl, "stop-loss ttl");
        if ((targetKind == StopLossTargetKind.MERCHANT) != (target == null)) {
            throw new IllegalArgumentException(
                    "a stop-loss on a merchant takes no target field; on a channel or route it"
                            + " needs the string field that holds it");
        }
        if (thresholdMinor < 0 || window.isNegative() || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException(
                    "stop-loss threshold and window must be >= 0 and its ttl > 0, got "
                            + thresholdMinor
                            + ", "
                            + window
                            + ", "
                            + ttl);
        }
        if (thresholdMinor > 0 && window.isZero()) {
            throw new IllegalArgumentException(
                    "a stop-loss threshold needs a window: over " + thresholdMinor + " within ?");
        }
    }

    /** A stop-loss on the merchant of the alert. */
    public static StopLoss merchant(
            StopLossAction action, long thresholdMinor, Duration window, Duration ttl) {
        return new StopLoss(action, StopLossTargetKind.MERCHANT, null, thresholdMinor, window, ttl);
    }

    /**
     * The target of a break: the merchant for MERCHANT, else the target field's value; null when it
     * is unknown (then no action is taken).
     */
    public String targetOf(IndexedRecord left, IndexedRecord right, String merchant) {
        return target == null ? merchant : target.eval(left, right);
    }

    /** {@code stoploss hold merchant over 100000 within 5m ttl 30m}, canonical. */
    public String describe() {
        StringBuilder sb =
                new StringBuilder("stoploss ")
                        .append(action.name().toLowerCase(Locale.ROOT))
                        .append(' ')
                        .append(targetKind.name().toLowerCase(Locale.ROOT));
        if (target != null) {
            sb.append(' ').append(target.describe());
        }
        if (!window.isZero()) {
            sb.append(" over ").append(thresholdMinor).append(" within ").append(show(window));
        }
        return sb.append(" ttl ").append(show(ttl)).toString();
    }

    private static String show(Duration d) {
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0) {
            return ms / 3_600_000 + "h";
        } else if (ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        }
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }
}
