package dev.recon.model;

import dev.recon.model.avro.Alert;
import dev.recon.model.avro.AlertAction;
import dev.recon.model.avro.RuleMode;
import dev.recon.model.avro.Severity;
import dev.recon.model.avro.StopLossAction;
import dev.recon.model.avro.StopLossSpec;
import dev.recon.model.avro.StopLossTargetKind;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON form of an {@link Alert} on the alerts topic: flat, snake_case, one object per alert.
 */
public final class AlertJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AlertJson() {}

    /** Encodes an alert as UTF-8 JSON. */
    public static byte[] toJson(Alert a) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("alert_id", a.getAlertId());
        n.put("action", a.getAction().name());
        n.put("rule_id", a.getRuleId());
        n.put("rule_set_version", a.getRuleSetVersion());
        n.put("reconciliation", a.getReconciliation());
        n.put("severity", a.getSeverity().name().toLowerCase());
        n.put("mode", a.getMode().name().toLowerCase());
        n.put("key", a.getKey());
        n.put("merchant_id", a.getMerchantId());
        n.put("message", a.getMessage());
        putMap(n, "left", a.getLeft());
        putMap(n, "right", a.getRight());
        n.put("amount_at_risk_minor", a.getAmountAtRiskMinor());
        n.put("currency", a.getCurrency());
        n.put("event_time", a.getEventTime());
        n.put("decided_at", a.getDecidedAt());
        n.put("detected_at", a.getDetectedAt());
        putStopLoss(n, a.getStoploss());
        try {
            return MAPPER.writeValueAsBytes(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decodes an alert; throws {@link IllegalArgumentException} naming the bad field. */
    public static Alert fromJson(byte[] json) {
        JsonNode n;
        try {
            n = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "not JSON: " + new String(json, StandardCharsets.UTF_8), e);
        }
        return Alert.newBuilder()
                .setAlertId(text(n, "alert_id"))
                .setAction(AlertAction.valueOf(text(n, "action")))
                .setRuleId(text(n, "rule_id"))
                .setRuleSetVersion(text(n, "rule_set_version"))
                .setReconciliation(text(n, "reconciliation"))
                .setSeverity(Severity.valueOf(text(n, "severity").toUpperCase()))
                .setMode(RuleMode.valueOf(text(n, "mode").toUpperCase()))
                .setKey(text(n, "key"))
                .setMerchantId(
                        n.path("merchant_id").isTextual() ? n.get("merchant_id").asText() : null)
                .setMessage(text(n, "message"))
                .setLeft(map(n.get("left")))
                .setRight(map(n.get("right")))
                .setAmountAtRiskMinor(n.path("amount_at_risk_minor").asLong())
                .setCurrency(text(n, "currency"))
                .setEventTime(n.path("event_time").asLong())
                .setDecidedAt(n.path("decided_at").asLong())
                .setDetectedAt(n.path("detected_at").asLong())
                .setStoploss(stopLoss(n.get("stoploss")))
                .build();
    }

    /** {@code "stoploss": {action, target_kind, target, threshold_minor, window_ms, ttl_ms}}. */
    private static void putStopLoss(ObjectNode n, StopLossSpec s) {
        if (s == null) {
            n.putNull("stoploss");
            return;
        }
        ObjectNode o = n.putObject("stoploss");
        o.put("action", s.getAction().name().toLowerCase(Locale.ROOT));
        o.put("target_kind", s.getTargetKind().name().toLowerCase(Locale.ROOT));
        o.put("target", s.getTarget());
        o.put("threshold_minor", s.getThresholdMinor());
        o.put("window_ms", s.getWindowMs());
        o.put("ttl_ms", s.getTtlMs());
    }

    /** The stop-loss of an alert; null when absent or JSON null (alerts before it existed). */
    private static StopLossSpec stopLoss(JsonNode o) {
        if (o == null || o.isNull()) {
            return null;
        }
        if (!o.isObject()) {
            throw new IllegalArgumentException("alert JSON field 'stoploss' must be an object");
        }
        return StopLossSpec.newBuilder()
                .setAction(enumOf(StopLossAction.class, text(o, "action"), "stoploss.action"))
                .setTargetKind(
                        enumOf(
                                StopLossTargetKind.class,
                                text(o, "target_kind"),
                                "stoploss.target_kind"))
                .setTarget(text(o, "target"))
                .setThresholdMinor(number(o, "threshold_minor"))
                .setWindowMs(number(o, "window_ms"))
                .setTtlMs(number(o, "ttl_ms"))
                .build();
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "alert JSON field '" + field + "' has an unknown value '" + value + "'");
        }
    }

    private static long number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.canConvertToLong() || !v.isIntegralNumber()) {
            throw new IllegalArgumentException(
                    "alert JSON lacks integer field 'stoploss." + field + "'");
        }
        return v.longValue();
    }

    private static void putMap(ObjectNode n, String field, Map<String, String> values) {
        if (values == null) {
            n.putNull(field);
            return;
        }
        ObjectNode m = n.putObject(field);
        values.forEach(m::put);
    }

    private static Map<String, String> map(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("alert JSON lacks string field '" + field + "'");
        }
        return v.asText();
    }
}
