package dev.recon.rules;

import dev.recon.model.avro.RuleMode;
import dev.recon.model.avro.Severity;

import java.util.Locale;
import java.util.Objects;

/**
 * What every rule has: its id, the severity and mode of its alerts, its owner, and the stop-loss
 * action its breaks carry (null when it has none).
 */
public record RuleHeader(
        String id, Severity severity, RuleMode mode, String owner, StopLoss stopLoss) {

    /** Validates the parts. */
    public RuleHeader {
        checkId(id);
        Objects.requireNonNull(severity, "severity of rule " + id);
        Objects.requireNonNull(mode, "mode of rule " + id);
        Objects.requireNonNull(owner, "owner of rule " + id);
    }

    /** A header without a stop-loss action. */
    public RuleHeader(String id, Severity severity, RuleMode mode, String owner) {
        this(id, severity, mode, owner, null);
    }

    /** The same header with this stop-loss action (null: none). */
    public RuleHeader withStopLoss(StopLoss action) {
        return new RuleHeader(id, severity, mode, owner, action);
    }

    static String checkId(String id) {
        if (id == null || !id.matches("[a-z][a-z0-9-]{0,63}")) {
            throw new IllegalArgumentException(
                    "rule id must be lower-case letters, digits and dashes, starting with a letter: "
                            + id);
        }
        return id;
    }

    /** Canonical text for explain and versioning. */
    public String describe() {
        return "rule "
                + id
                + " ["
                + severity.name().toLowerCase(Locale.ROOT)
                + ", "
                + mode.name().toLowerCase(Locale.ROOT)
                + ", owner "
                + owner
                + "]"
                + (stopLoss == null ? "" : "\n    " + stopLoss.describe());
    }
}
