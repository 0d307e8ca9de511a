package dev.recon.job.operators;

import dev.recon.model.AlertIds;
import dev.recon.model.Fingerprints;
import dev.recon.model.avro.Alert;
import dev.recon.model.avro.AlertAction;
import dev.recon.model.avro.BillEvent;
import dev.recon.model.avro.DeadLetter;
import dev.recon.model.avro.PaymentEvent;
import dev.recon.model.avro.RuleMode;
import dev.recon.model.avro.Severity;
import dev.recon.rules.Reconciliation;
import dev.recon.rules.StreamSpec;

import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecordBase;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a record beyond the allowed lateness becomes instead of being reconciled: a {@link
 * DeadLetter}-shaped record on {@link MatchFunction#LATE_EVENTS} (its payload is the record's raw
 * Avro, so it can be replayed to its topic) and a {@code late-event} warning alert with a
 * deterministic id.
 */
final class LatenessRecords {
    /** Rule id of the alert a late record raises. */
    static final String RULE_ID = "late-event";

    private LatenessRecords() {}

    /** The late-data record of a late payment (left) or bill (right). */
    static DeadLetter record(StreamSpec stream, SpecificRecordBase r, String reason, long now) {
        return DeadLetter.newBuilder()
                .setStream(stream.name())
                .setTopic(stream.topic())
                .setPartition(-1)
                .setOffset(-1L)
                .setKafkaTimestamp((Long) r.get(r.getSchema().getField("event_time").pos()))
                .setReason(reason)
                .setPayload(ByteBuffer.wrap(avro(r)))
                .setDetectedAt(now)
                .build();
    }

    /** The alert of a late payment: the payment's fields in {@code left}. */
    static Alert alert(Reconciliation recon, String version, PaymentEvent p, String why, long now) {
        String disc = "payment:" + Long.toHexString(Fingerprints.of(p));
        String what = "payment " + p.getPaymentId();
        return base(recon, version, p.getPaymentId(), disc, what + " arrived " + why, now)
                .setMerchantId(p.getMerchantId())
                .setLeft(values(p))
                .setAmountAtRiskMinor(p.getAmountMinor())
                .setCurrency(p.getCurrency())
                .setEventTime(p.getEventTime())
                .build();
    }

    /** The alert of a late bill: the bill's fields in {@code right}. */
    static Alert alert(Reconciliation recon, String version, BillEvent b, String why, long now) {
        String disc = "bill:" + b.getBillId() + ":" + Long.toHexString(Fingerprints.of(b));
        String what = "bill " + b.getBillId() + " of payment " + b.getPaymentId();
        return base(recon, version, b.getPaymentId(), disc, what + " arrived " + why, now)
                .setMerchantId(b.getMerchantId())
                .setRight(values(b))
                .setAmountAtRiskMinor(b.getAmountMinor())
                .setCurrency(b.getCurrency())
                .setEventTime(b.getEventTime())
                .build();
    }

    private static Alert.Builder base(
            Reconciliation recon,
            String version,
            String key,
            String disc,
            String message,
            long now) {
        return Alert.newBuilder()
                .setAlertId(AlertIds.of(recon.name(), RULE_ID, key, disc))
                .setAction(AlertAction.TRIGGER)
                .setRuleId(RULE_ID)
                .setRuleSetVersion(version)
                .setReconciliation(recon.name())
                .setSeverity(Severity.WARNING)
                .setMode(RuleMode.ENFORCE)
                .setKey(key)
                .setMessage(message)
                .setDecidedAt(now)
                .setDetectedAt(now);
    }

    private static Map<String, String> values(SpecificRecordBase r) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Schema.Field f : r.getSchema().getFields()) {
            Object v = r.get(f.pos());
            m.put(f.name(), v == null ? "null" : v.toString());
        }
        return m;
    }

    private static byte[] avro(SpecificRecordBase r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        BinaryEncoder enc = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            new SpecificDatumWriter<SpecificRecordBase>(r.getSchema()).write(r, enc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
