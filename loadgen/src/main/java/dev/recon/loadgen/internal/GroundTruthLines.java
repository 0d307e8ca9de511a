package dev.recon.loadgen.internal;

import dev.recon.loadgen.ExpectedAlert;
import dev.recon.loadgen.FaultClass;
import dev.recon.loadgen.GroundTruth;
import dev.recon.loadgen.InjectedFault;
import dev.recon.loadgen.RunInfo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/** The JSON object of each kind of ground-truth line, both ways. */
final class GroundTruthLines {
    private GroundTruthLines() {}

    static ObjectNode run(GroundTruth t) {
        RunInfo r = t.run();
        ObjectNode n = GroundTruthCodec.MAPPER.createObjectNode();
        n.put("type", "run").put("format", GroundTruthCodec.FORMAT);
        n.put("reconciliation", GroundTruth.RECONCILIATION).put("run_id", r.runId());
        n.put("seed", r.seed()).put("events", r.events()).put("fault_fraction", r.faultFraction());
        n.put("deadline_ms", r.deadlineMs());
        n.put("payments_topic", r.paymentTopic()).put("bills_topic", r.billTopic());
        n.put("started_at", r.startedAt()).put("finished_at", r.finishedAt());
        n.put("payments_sent", t.paymentsSent()).put("bills_sent", t.billsSent());
        ObjectNode counts = n.putObject("faults_injected");
        t.faultsInjected().forEach((c, count) -> counts.put(c.name(), count));
        return n;
    }

    static RunInfo toRun(JsonNode n, long[] sent) {
        long format = number(n, "format");
        if (format != GroundTruthCodec.FORMAT) {
            throw new IllegalArgumentException("unsupported format " + format);
        }
        sent[0] = number(n, "payments_sent");
        sent[1] = number(n, "bills_sent");
        return new RunInfo(
                text(n, "run_id"),
                number(n, "seed"),
                number(n, "events"),
                decimal(n, "fault_fraction"),
                number(n, "deadline_ms"),
                text(n, "payments_topic"),
                text(n, "bills_topic"),
                number(n, "started_at"),
                number(n, "finished_at"));
    }

    static ObjectNode fault(InjectedFault f) {
        ObjectNode n = GroundTruthCodec.MAPPER.createObjectNode();
        n.put("type", "fault").put("fault_class", f.faultClass().name());
        n.put("payment_id", f.paymentId());
        ArrayNode bills = n.putArray("bill_ids");
        f.billIds().forEach(bills::add);
        return n;
    }

    static InjectedFault toFault(JsonNode n) {
        List<String> bills = new ArrayList<>();
        field(n, "bill_ids").forEach(b -> bills.add(b.asText()));
        return new InjectedFault(text(n, "payment_id"), faultClass(n), bills);
    }

    static ObjectNode expected(ExpectedAlert a) {
        ObjectNode n = GroundTruthCodec.MAPPER.createObjectNode();
        n.put("type", "expected_alert").put("alert_id", a.alertId()).put("rule_id", a.ruleId());
        n.put("fault_class", a.faultClass().name()).put("payment_id", a.paymentId());
        n.put("discriminator", a.discriminator()).put("decided_at", a.decidedAt());
        return n;
    }

    static ExpectedAlert toExpected(JsonNode n) {
        return new ExpectedAlert(
                text(n, "alert_id"),
                text(n, "rule_id"),
                faultClass(n),
                text(n, "payment_id"),
                text(n, "discriminator"),
                number(n, "decided_at"));
    }

    static String text(JsonNode n, String name) {
        JsonNode v = field(n, name);
        if (!v.isTextual()) {
            throw new IllegalArgumentException("field '" + name + "' must be a string");
        }
        return v.asText();
    }

    private static long number(JsonNode n, String name) {
        JsonNode v = field(n, name);
        if (!v.canConvertToLong()) {
            throw new IllegalArgumentException("field '" + name + "' must be a whole number");
        }
        return v.asLong();
    }

    private static double decimal(JsonNode n, String name) {
        JsonNode v = field(n, name);
        if (!v.isNumber()) {
            throw new IllegalArgumentException("field '" + name + "' must be a number");
        }
        return v.asDouble();
    }

    private static FaultClass faultClass(JsonNode n) {
        String name = text(n, "fault_class");
        try {
            return FaultClass.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown fault_class '" + name + "'", e);
        }
    }

    private static JsonNode field(JsonNode n, String name) {
        JsonNode v = n.get(name);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("missing field '" + name + "'");
        }
        return v;
    }
}
