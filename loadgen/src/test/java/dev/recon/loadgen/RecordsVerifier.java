package dev.recon.loadgen;

import dev.recon.model.avro.BillEvent;
import dev.recon.model.avro.PaymentEvent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that the records of a run are what its ground truth claims: counts per stream, clean pairs
 * that match, and each fault's records as designed (test helper).
 */
public final class RecordsVerifier {
    static final Map<String, String> BILL_STATUS =
            Map.of("SUCCEEDED", "BILLED", "REFUNDED", "REFUNDED", "FAILED", "REVERSED");

    final GroundTruth truth;
    final Map<String, List<Sent>> payments = new HashMap<>();
    final Map<String, List<Sent>> bills = new HashMap<>();

    /** Records per stream, each in per-key send order. */
    public RecordsVerifier(GroundTruth truth, List<Sent> paymentRecords, List<Sent> billRecords) {
        this.truth = truth;
        assertThat(paymentRecords).hasSize((int) truth.paymentsSent());
        assertThat(billRecords).hasSize((int) truth.billsSent());
        group(paymentRecords, payments, true);
        group(billRecords, bills, false);
    }

    private static void group(List<Sent> records, Map<String, List<Sent>> out, boolean payment) {
        for (Sent s : records) {
            String id = payment ? s.payment().getPaymentId() : s.bill().getPaymentId();
            assertThat(s.key()).as("record key is the payment id").isEqualTo(id);
            out.computeIfAbsent(id, k -> new ArrayList<>()).add(s);
        }
    }

    /** Runs every check. */
    public void verifyAll() {
        verifyStreamTotals();
        verifyCleanPairs();
        truth.faults().forEach(this::verifyFaultRecords);
        new ExpectedAlertsVerifier(this).verify();
    }

    /** Totals follow from the events and the faults injected. */
    void verifyStreamTotals() {
        Map<FaultClass, Integer> n = truth.faultsInjected();
        long events = truth.run().events();
        assertThat(truth.paymentsSent()).isEqualTo(events - n.get(FaultClass.ORPHAN_BILL));
        assertThat(truth.billsSent())
                .isEqualTo(
                        events
                                - n.get(FaultClass.BILL_DROPPED)
                                + n.get(FaultClass.DUPLICATE_BILL)
                                + n.get(FaultClass.REDELIVERED_BILL));
        assertThat(payments.size() + n.get(FaultClass.ORPHAN_BILL)).isEqualTo((int) events);
    }

    /** Every payment without a fault has exactly one bill that settles it exactly. */
    void verifyCleanPairs() {
        Map<String, FaultClass> faulted = new HashMap<>();
        truth.faults().forEach(f -> faulted.put(f.paymentId(), f.faultClass()));
        for (String id : payments.keySet()) {
            if (!faulted.containsKey(id)) {
                assertThat(payments.get(id)).hasSize(1);
                assertThat(bills.get(id)).as("bills of clean payment %s", id).hasSize(1);
                assertSettles(payment(id), bill(id, 0));
            }
        }
    }

    private void verifyFaultRecords(InjectedFault f) {
        String id = f.paymentId();
        List<Sent> b = bills.getOrDefault(id, List.of());
        assertThat(payments.getOrDefault(id, List.of()))
                .as("payments of %s %s", f.faultClass(), id)
                .hasSize(f.faultClass() == FaultClass.ORPHAN_BILL ? 0 : 1);
        assertThat(b.stream().map(s -> s.bill().getBillId()).distinct().toList())
                .as("bill ids of %s %s", f.faultClass(), id)
                .isEqualTo(f.billIds());
        new FaultRecordsCheck(this, f).run();
    }

    PaymentEvent payment(String id) {
        return payments.get(id).get(0).payment();
    }

    BillEvent bill(String id, int index) {
        return bills.get(id).get(index).bill();
    }

    static void assertSettles(PaymentEvent p, BillEvent b) {
        assertThat(b.getAmountMinor()).isEqualTo(p.getAmountMinor());
        assertThat(b.getCurrency()).isEqualTo(p.getCurrency());
        assertThat(b.getStatus()).isEqualTo(BILL_STATUS.get(p.getStatus()));
        assertThat(b.getMerchantId()).isEqualTo(p.getMerchantId());
    }
}
