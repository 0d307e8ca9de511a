package dev.recon.job.stoploss;

import dev.recon.model.avro.StopLossMode;

import java.io.Serializable;

/**
 * How the job acts on stop-loss specs: off (specs ignored), dry-run (decisions logged and audited
 * only) or enforce (commands published), and the cap on actions in force at once.
 *
 * @param mode the governor's mode; null when stop-loss is off
 * @param cap at most this many actions in force at once
 */
public record StopLossSettings(StopLossMode mode, int cap) implements Serializable {

    /** Checks the cap. */
    public StopLossSettings {
        if (cap < 1) {
            throw new IllegalArgumentException("the stop-loss cap must be at least 1, got " + cap);
        }
    }

    /** Stop-loss off: the job attaches no stop-loss operators. */
    public static StopLossSettings off() {
        return new StopLossSettings(null, 1);
    }

    /** Parses {@code off}, {@code dry-run} or {@code enforce}. */
    public static StopLossSettings parse(String mode, int cap) {
        return switch (mode) {
            case "off" -> off();
            case "dry-run" -> new StopLossSettings(StopLossMode.DRY_RUN, cap);
            case "enforce" -> new StopLossSettings(StopLossMode.ENFORCE, cap);
            default ->
                    throw new IllegalArgumentException(
                            "must be off, dry-run or enforce, got '" + mode + "'");
        };
    }

    /** Whether stop-loss operators run at all. */
    public boolean enabled() {
        return mode != null;
    }
}
