package dev.recon.job.operators;

import dev.recon.job.rules.RuleUpdates;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The audit record of a rule-set update: accepted or rejected, with the diagnostics. */
final class RuleAudit {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RuleAudit() {}

    static String of(RuleUpdates.Outcome o, String previousVersion, long now) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("at", now);
        n.put("status", o.accepted() ? "accepted" : "rejected");
        n.put("version", o.version());
        n.put("previous_version", previousVersion);
        n.put("in_force", o.accepted() ? o.version() : previousVersion);
        n.put("diagnostics", o.diagnostics());
        return n.toString();
    }
}
