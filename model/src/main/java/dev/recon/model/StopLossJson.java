package dev.recon.model;

import dev.recon.model.avro.StopLossAction;
import dev.recon.model.avro.StopLossCommand;
import dev.recon.model.avro.StopLossCommandType;
import dev.recon.model.avro.StopLossMode;
import dev.recon.model.avro.StopLossOutcome;
import dev.recon.model.avro.StopLossTargetKind;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The JSON contract of stop-loss: commands (commands topic) and audit records (audit topic) as flat
 * snake_case objects, and the unblock request read from the control topic.
 */
public final class StopLossJson {
    /** Version of this contract, written into every record as {@code schema_version}. */
    public static final int SCHEMA_VERSION = 1;

    /** Outcome of an audit record for a control request the job could not use. */
    public static final String REJECTED = "REJECTED";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private StopLossJson() {}

    /** Encodes a command or audit record; {@code action} is null for NOT_ACTIVE. */
    public static String toJson(StopLossCommand c) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("schema_version", SCHEMA_VERSION);
        n.put("command_id", c.getCommandId());
        n.put("command", c.getCommand().name());
        n.put("outcome", c.getOutcome().name());
        n.put("mode", c.getMode().name().toLowerCase(Locale.ROOT));
        n.put("target_kind", c.getTargetKind().name().toLowerCase(Locale.ROOT));
        n.put("target", c.getTarget());
        n.put("action", c.getOutcome() == StopLossOutcome.NOT_ACTIVE ? null : c.getAction().name());
        n.put("issued_at", c.getIssuedAt());
        n.put("expires_at", c.getExpiresAt());
        n.put("rule_id", c.getRuleId());
        n.put("reason", c.getReason());
        n.put("requested_by", c.getRequestedBy());
        ArrayNode ids = n.putArray("evidence_alert_ids");
        c.getEvidenceAlertIds().forEach(ids::add);
        n.put("evidence_amount_minor", c.getEvidenceAmountMinor());
        n.put("evidence_currency", c.getEvidenceCurrency());
        n.put("active_count", c.getActiveCount());
        return n.toString();
    }

    /** Decodes a command or audit record; throws {@link IllegalArgumentException} if it is not. */
    public static StopLossCommand fromJson(String json) {
        JsonNode n = tree(json);
        if (REJECTED.equals(n.path("outcome").asText())) {
            throw new IllegalArgumentException("a rejected request, not a command: " + json);
        }
        String action = n.path("action").asText("");
        return StopLossCommand.newBuilder()
                .setCommandId(text(n, "command_id"))
                .setCommand(StopLossCommandType.valueOf(text(n, "command")))
                .setOutcome(StopLossOutcome.valueOf(text(n, "outcome")))
                .setMode(StopLossMode.valueOf(text(n, "mode").toUpperCase(Locale.ROOT)))
                .setTargetKind(kind(text(n, "target_kind")))
                .setTarget(text(n, "target"))
                .setAction(action.isEmpty() ? StopLossAction.BLOCK : StopLossAction.valueOf(action))
                .setIssuedAt(n.path("issued_at").asLong())
                .setExpiresAt(n.path("expires_at").asLong())
                .setRuleId(optional(n, "rule_id"))
                .setReason(text(n, "reason"))
                .setRequestedBy(optional(n, "requested_by"))
                .setEvidenceAlertIds(strings(n.path("evidence_alert_ids")))
                .setEvidenceAmountMinor(n.path("evidence_amount_minor").asLong())
                .setEvidenceCurrency(optional(n, "evidence_currency"))
                .setActiveCount(n.path("active_count").asInt())
                .build();
    }

    /** The audit record of a control request that was not understood, saying what is wrong. */
    public static String rejected(String commandId, String request, String problem, long at) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("schema_version", SCHEMA_VERSION);
        n.put("command_id", commandId);
        n.put("command", (String) null);
        n.put("outcome", REJECTED);
        n.put("issued_at", at);
        n.put("reason", problem);
        n.put("request", request);
        return n.toString();
    }

    /** A target kind from its JSON spelling ({@code merchant}, {@code channel}, {@code route}). */
    public static StopLossTargetKind kind(String s) {
        for (StopLossTargetKind k : StopLossTargetKind.values()) {
            if (k.name().equalsIgnoreCase(s.trim())) {
                return k;
            }
        }
        throw new IllegalArgumentException(
                "target_kind must be merchant, channel or route, got '" + s + "'");
    }

    /** Parses a JSON object; throws {@link IllegalArgumentException} if the text is not one. */
    static JsonNode tree(String json) {
        try {
            JsonNode n = MAPPER.readTree(json);
            if (n == null || !n.isObject()) {
                throw new IllegalArgumentException("not a JSON object: " + abbreviate(json));
            }
            return n;
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + abbreviate(json), e);
        }
    }

    static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }

    static String optional(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || !v.isTextual() ? null : v.asText();
    }

    private static String text(JsonNode n, String field) {
        String v = optional(n, field);
        if (v == null) {
            throw new IllegalArgumentException("stop-loss JSON lacks string field '" + field + "'");
        }
        return v;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(e -> out.add(e.asText()));
        return out;
    }

    /**
     * A request on the control topic to end the action in force on a target: {@code
     * {"command":"unblock","target_kind":"merchant","target":"m-1","requested_by":"alice",
     * "reason":"..."}}.
     */
    public record UnblockRequest(
            StopLossTargetKind targetKind, String target, String requestedBy, String reason) {

        /** Checks the fields; throws {@link IllegalArgumentException} naming every problem. */
        public UnblockRequest {
            List<String> problems = new ArrayList<>();
            for (String[] f :
                    new String[][] {
                        {"target", target}, {"requested_by", requestedBy}, {"reason", reason}
                    }) {
                if (f[1] == null || f[1].isBlank()) {
                    problems.add(f[0] + " is required and must be a non-blank string");
                }
            }
            if (targetKind == null) {
                problems.add("target_kind must be merchant, channel or route");
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(String.join("; ", problems));
            }
        }

        /** Parses a request; throws {@link IllegalArgumentException} saying what is wrong. */
        public static UnblockRequest parse(String json) {
            JsonNode n = tree(json);
            String command = optional(n, "command");
            if (!"unblock".equals(command)) {
                throw new IllegalArgumentException(
                        "command must be \"unblock\", got "
                                + (command == null ? "none" : "'" + command + "'"));
            }
            String kind = optional(n, "target_kind");
            StopLossTargetKind k = null;
            if (kind != null) {
                try {
                    k = kind(kind);
                } catch (IllegalArgumentException e) {
                    k = null;
                }
            }
            return new UnblockRequest(
                    k, optional(n, "target"), optional(n, "requested_by"), optional(n, "reason"));
        }

        /** The request as one JSON line, as the control topic carries it. */
        public String toJson() {
            ObjectNode n = MAPPER.createObjectNode();
            n.put("command", "unblock");
            n.put("target_kind", targetKind.name().toLowerCase(Locale.ROOT));
            n.put("target", target);
            n.put("requested_by", requestedBy);
            n.put("reason", reason);
            return n.toString();
        }
    }
}
