package dev.recon.job;

import dev.recon.model.avro.BillEvent;
import dev.recon.model.avro.DeadLetter;
import dev.recon.model.avro.PaymentEvent;

import org.apache.flink.streaming.api.datastream.DataStream;

import javax.annotation.Nullable;

/**
 * The streams a reconciliation reads: payments, bills, the records rejected while reading them, and
 * rule-set updates (bundle JSON from the control topic), and stop-loss requests (JSON lines from
 * the stop-loss control topic). The last three are null when the inputs cannot produce any, as with
 * in-memory test inputs.
 */
public record ReconciliationInputs(
        DataStream<PaymentEvent> payments,
        DataStream<BillEvent> bills,
        @Nullable DataStream<DeadLetter> deadLetters,
        @Nullable DataStream<String> ruleUpdates,
        @Nullable DataStream<String> stopLossRequests) {

    /** Inputs without stop-loss requests. */
    public ReconciliationInputs(
            DataStream<PaymentEvent> payments,
            DataStream<BillEvent> bills,
            @Nullable DataStream<DeadLetter> deadLetters,
            @Nullable DataStream<String> ruleUpdates) {
        this(payments, bills, deadLetters, ruleUpdates, null);
    }
}
