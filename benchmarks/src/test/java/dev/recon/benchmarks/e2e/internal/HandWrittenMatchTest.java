package dev.recon.benchmarks.e2e.internal;

import dev.recon.model.avro.BillEvent;
import dev.recon.model.avro.PaymentEvent;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written baselines in Flink's operator harness: c forgets a matched key at once; c2 keeps
 * its bill id for the retention, flags a second bill, ignores a redelivered one, and then forgets
 * the key (state and timers back to zero).
 */
class HandWrittenMatchTest {
    private static final long DEADLINE = 5_000;
    private static final long RETENTION = 60_000;

    @Test
    void withoutRetentionAMatchLeavesNoStateAndASecondBillIsOnlyAMissingPayment() throws Exception {
        try (var h = harness(0)) {
            h.processElement1(payment("p-1", 100), 0);
            h.processElement2(bill("b-1", "p-1", 100), 0);
            assertThat(h.numKeyedStateEntries()).isZero();
            h.processElement2(bill("b-2", "p-1", 100), 0);
            h.setProcessingTime(DEADLINE * 2);
            assertThat(h.extractOutputValues()).containsExactly("payment-missing");
        }
    }

    @Test
    void withRetentionASecondBillIsADuplicateARedeliveryIsNotAndTheKeyIsForgotten()
            throws Exception {
        try (var h = harness(RETENTION)) {
            h.processElement1(payment("p-1", 100), 0);
            h.processElement2(bill("b-1", "p-1", 101), 0);
            h.processElement2(bill("b-1", "p-1", 101), 0);
            h.processElement2(bill("b-2", "p-1", 100), 0);
            h.processElement1(payment("p-1", 100), 0);
            h.setProcessingTime(DEADLINE); // the deadline timer finds a settled key
            assertThat(h.extractOutputValues()).containsExactly("amount-match", "duplicate-bill");
            assertThat(h.numKeyedStateEntries()).isEqualTo(1);
            h.setProcessingTime(RETENTION);
            assertThat(h.numKeyedStateEntries()).isZero();
            assertThat(h.numProcessingTimeTimers()).isZero();
        }
    }

    private static KeyedTwoInputStreamOperatorTestHarness<String, PaymentEvent, BillEvent, String>
            harness(long retentionMs) throws Exception {
        var h =
                new KeyedTwoInputStreamOperatorTestHarness<>(
                        new KeyedCoProcessOperator<>(new HandWrittenMatch(DEADLINE, retentionMs)),
                        PaymentEvent::getPaymentId,
                        BillEvent::getPaymentId,
                        Types.STRING);
        h.open();
        return h;
    }

    private static PaymentEvent payment(String id, long amount) {
        return new PaymentEvent(id, "m-1", "acct", amount, "USD", "SUCCEEDED", 1L, "core");
    }

    private static BillEvent bill(String billId, String paymentId, long amount) {
        return new BillEvent(billId, paymentId, "m-1", amount, "USD", "BILLED", 1L, "billing");
    }
}
