package dev.recon.sinks;

import dev.recon.model.avro.Alert;
import dev.recon.model.avro.AlertAction;
import dev.recon.model.avro.DeadLetter;
import dev.recon.model.avro.RuleMode;
import dev.recon.model.avro.Severity;

import java.nio.ByteBuffer;
import java.util.Map;

/** Test fixtures: alerts and dead letters with every field set. */
final class TestData {
    private TestData() {}

    /** An alert with every field set, including the nullable ones. */
    static Alert alert(String id, AlertAction action) {
        return Alert.newBuilder()
                .setAlertId(id)
                .setAction(action)
                .setRuleId("amount-mismatch")
                .setRuleSetVersion("v-1a2b")
                .setReconciliation("payments-vs-bills")
                .setSeverity(Severity.CRITICAL)
                .setMode(RuleMode.ENFORCE)
                .setKey("pay-" + id)
                .setMerchantId("m-7")
                .setMessage("billed 1300 but paid 1250")
                .setLeft(Map.of("amount_minor", "1250", "payer_account", "acct-secret-1"))
                .setRight(Map.of("amount_minor", "1300"))
                .setAmountAtRiskMinor(50)
                .setCurrency("USD")
                .setEventTime(1_700_000_000_000L)
                .setDecidedAt(1_700_000_000_100L)
                .setDetectedAt(1_700_000_000_200L)
                .build();
    }

    /** A dead letter with a payload. */
    static DeadLetter deadLetter(long offset, byte[] payload) {
        return DeadLetter.newBuilder()
                .setStream("payments")
                .setTopic("payments")
                .setPartition(3)
                .setOffset(offset)
                .setKafkaTimestamp(1_700_000_000_000L)
                .setReason("undecodable: not a PaymentEvent: java.io.EOFException")
                .setPayload(payload == null ? null : ByteBuffer.wrap(payload))
                .setDetectedAt(1_700_000_000_500L)
                .build();
    }
}
