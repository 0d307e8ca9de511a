package dev.recon.loadgen;

import dev.recon.model.avro.BillEvent;
import dev.recon.model.avro.PaymentEvent;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks the records of one injected fault against its design (test helper). */
final class FaultRecordsCheck {
    private final RecordsVerifier v;
    private final InjectedFault f;
    private final String id;
    private final List<Sent> bills;
    private final long lateBy;

    FaultRecordsCheck(RecordsVerifier v, InjectedFault f) {
        this.v = v;
        this.f = f;
        this.id = f.paymentId();
        this.bills = v.bills.getOrDefault(id, List.of());
        this.lateBy = v.truth.run().deadlineMs() / 3;
    }

    void run() {
        switch (f.faultClass()) {
            case AMOUNT_MISMATCH -> pairDiffersOnlyIn("amount");
            case CURRENCY_MISMATCH -> pairDiffersOnlyIn("currency");
            case STATUS_MISMATCH -> pairDiffersOnlyIn("status");
            case BILL_DROPPED -> assertThat(bills).isEmpty();
            case DUPLICATE_BILL -> duplicate();
            case ORPHAN_BILL -> assertThat(bills).hasSize(1);
            case OUT_OF_ORDER ->
                    assertThat(payment().getEventTime() - settlingBill().getEventTime())
                            .isGreaterThanOrEqualTo(lateBy);
            case LATE_WITHIN_DEADLINE ->
                    assertThat(settlingBill().getEventTime() - payment().getEventTime())
                            .isGreaterThanOrEqualTo(lateBy);
            case REDELIVERED_BILL -> redelivered();
        }
    }

    /** The one bill settles the payment except for exactly the named field. */
    private void pairDiffersOnlyIn(String field) {
        PaymentEvent p = payment();
        BillEvent b = single();
        Map<String, Boolean> equal =
                Map.of(
                        "amount", b.getAmountMinor() == p.getAmountMinor(),
                        "currency", b.getCurrency().equals(p.getCurrency()),
                        "status",
                                b.getStatus()
                                        .equals(RecordsVerifier.BILL_STATUS.get(p.getStatus())),
                        "merchant", b.getMerchantId().equals(p.getMerchantId()));
        equal.forEach(
                (name, same) ->
                        assertThat(same)
                                .as("%s %s: %s equal", f.faultClass(), id, name)
                                .isEqualTo(!name.equals(field)));
    }

    private void duplicate() {
        assertThat(bills).hasSize(2);
        BillEvent first = bills.get(0).bill();
        BillEvent second = bills.get(1).bill();
        assertThat(second.getBillId()).isNotEqualTo(first.getBillId());
        RecordsVerifier.assertSettles(payment(), first);
        RecordsVerifier.assertSettles(payment(), second);
    }

    private void redelivered() {
        assertThat(bills).hasSize(2);
        assertThat(bills.get(1).value()).isEqualTo(bills.get(0).value());
        RecordsVerifier.assertSettles(payment(), bills.get(0).bill());
    }

    private BillEvent settlingBill() {
        BillEvent b = single();
        RecordsVerifier.assertSettles(payment(), b);
        return b;
    }

    private PaymentEvent payment() {
        return v.payment(id);
    }

    private BillEvent single() {
        assertThat(bills).as("bills of %s %s", f.faultClass(), id).hasSize(1);
        return bills.get(0).bill();
    }
}
