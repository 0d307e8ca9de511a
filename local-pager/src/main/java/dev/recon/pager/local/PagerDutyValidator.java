package dev.recon.pager.local;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Checks an Events API v2 event the way PagerDuty documents it; returns the errors found. */
final class PagerDutyValidator {
    static final int MAX_EVENT_BYTES = 512 * 1024;
    private static final Set<String> ACTIONS = Set.of("trigger", "acknowledge", "resolve");
    private static final Set<String> SEVERITIES = Set.of("critical", "error", "warning", "info");

    private final String routingKey;

    PagerDutyValidator(String routingKey) {
        this.routingKey = routingKey;
    }

    /** The errors of this event; empty when it is valid. */
    List<String> validate(JsonNode event) {
        List<String> errors = new ArrayList<>();
        if (event == null || !event.isObject()) {
            errors.add("Event must be a JSON object");
            return errors;
        }
        if (!routingKey.equals(text(event, "routing_key"))) {
            errors.add("'routing_key' is missing or invalid");
        }
        String action = text(event, "event_action");
        if (action == null || !ACTIONS.contains(action)) {
            errors.add("'event_action' must be one of trigger, acknowledge, resolve");
        }
        String dedupKey = text(event, "dedup_key");
        if (dedupKey != null && dedupKey.length() > 255) {
            errors.add("'dedup_key' must be at most 255 characters");
        }
        if (("resolve".equals(action) || "acknowledge".equals(action)) && isBlank(dedupKey)) {
            errors.add("'dedup_key' is required for " + action);
        }
        if ("trigger".equals(action)) {
            validatePayload(event.get("payload"), errors);
        }
        return errors;
    }

    private static void validatePayload(JsonNode payload, List<String> errors) {
        if (payload == null || !payload.isObject()) {
            errors.add("'payload' is missing or not an object");
            return;
        }
        String summary = text(payload, "summary");
        if (isBlank(summary)) {
            errors.add("'payload.summary' is missing");
        } else if (summary.length() > 1024) {
            errors.add("'payload.summary' must be at most 1024 characters");
        }
        if (isBlank(text(payload, "source"))) {
            errors.add("'payload.source' is missing");
        }
        if (!SEVERITIES.contains(String.valueOf(text(payload, "severity")))) {
            errors.add("'payload.severity' must be one of critical, error, warning, info");
        }
        String timestamp = text(payload, "timestamp");
        if (payload.has("timestamp") && !isIsoTimestamp(timestamp)) {
            errors.add("'payload.timestamp' must be an ISO 8601 timestamp");
        }
    }

    private static boolean isIsoTimestamp(String value) {
        if (value == null) {
            return false;
        }
        try {
            OffsetDateTime.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
