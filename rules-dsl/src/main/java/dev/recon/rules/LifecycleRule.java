package dev.recon.rules;

import dev.recon.model.avro.RuleMode;
import dev.recon.model.avro.Severity;

import org.apache.avro.generic.IndexedRecord;

/**
 * A rule about a record's life rather than its content: a counterpart missing after the deadline,
 * or a duplicate. The matcher decides when it fires; the rule says how it alerts.
 */
public record LifecycleRule(RuleHeader header, MessageTemplate message) {

    /** A lifecycle rule with the given id, severity, mode, owner and message. */
    public static LifecycleRule of(
            String id, Severity severity, RuleMode mode, String owner, MessageTemplate message) {
        return new LifecycleRule(new RuleHeader(id, severity, mode, owner), message);
    }

    /** The same rule with this stop-loss action (null: none). */
    public LifecycleRule withStopLoss(StopLoss action) {
        return new LifecycleRule(header.withStopLoss(action), message);
    }

    /** Message of a break; either side may be null. */
    public String message(IndexedRecord left, IndexedRecord right) {
        return message.render(left, right);
    }

    /** Canonical text for explain and versioning. */
    public String describe() {
        return header.describe() + "\n    message \"" + message.source() + "\"";
    }
}
