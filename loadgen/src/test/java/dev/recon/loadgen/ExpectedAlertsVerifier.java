package dev.recon.loadgen;

import dev.recon.model.AlertIds;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the expected alerts against the engine's contract, recomputed from the records: rule,
 * discriminator, id and decision time of each alerting fault, nothing for the others (test helper).
 */
final class ExpectedAlertsVerifier {
    private final RecordsVerifier v;

    ExpectedAlertsVerifier(RecordsVerifier v) {
        this.v = v;
    }

    void verify() {
        Map<String, ExpectedAlert> byPayment = new HashMap<>();
        for (ExpectedAlert e : v.truth.expectedAlerts()) {
            assertThat(byPayment.put(e.paymentId(), e)).as("one alert per payment").isNull();
        }
        long alerting = v.truth.faults().stream().filter(f -> f.faultClass().alerts()).count();
        assertThat(v.truth.expectedAlerts()).hasSize((int) alerting);
        for (InjectedFault f : v.truth.faults()) {
            ExpectedAlert e = byPayment.get(f.paymentId());
            if (!f.faultClass().alerts()) {
                assertThat(e).as("no alert for %s", f.faultClass()).isNull();
                continue;
            }
            assertThat(e.faultClass()).isEqualTo(f.faultClass());
            verifyOne(f, e);
        }
    }

    /** What the contract says the alert of a fault must be. */
    private record Contract(String rule, String discriminator, long decidedAt) {}

    private void verifyOne(InjectedFault f, ExpectedAlert e) {
        String id = f.paymentId();
        Contract c = contract(f.faultClass(), id);
        assertThat(e.ruleId()).isEqualTo(c.rule());
        assertThat(e.discriminator()).isEqualTo(c.discriminator());
        assertThat(e.alertId())
                .isEqualTo(AlertIds.of("payments-vs-bills", c.rule(), id, c.discriminator()));
        assertThat(e.decidedAt()).as("decidedAt of %s", f.faultClass()).isEqualTo(c.decidedAt());
    }

    private Contract contract(FaultClass fault, String id) {
        long deadline = v.truth.run().deadlineMs();
        List<Sent> bills = v.bills.getOrDefault(id, List.of());
        return switch (fault) {
            case BILL_DROPPED ->
                    new Contract("bill-missing", "", v.payment(id).getEventTime() + deadline);
            case ORPHAN_BILL ->
                    new Contract(
                            "payment-missing",
                            bills.get(0).bill().getBillId(),
                            bills.get(0).bill().getEventTime() + deadline);
            case DUPLICATE_BILL ->
                    new Contract(
                            "duplicate-bill",
                            bills.get(1).bill().getBillId(),
                            bills.get(1).bill().getEventTime());
            case AMOUNT_MISMATCH -> pair("amount-match", id, bills);
            case CURRENCY_MISMATCH -> pair("currency-match", id, bills);
            case STATUS_MISMATCH -> pair("status-consistent", id, bills);
            default -> throw new AssertionError("does not alert: " + fault);
        };
    }

    /** Pair rules decide when the later of payment and bill is sent. */
    private Contract pair(String rule, String id, List<Sent> bills) {
        long later = Math.max(bills.get(0).bill().getEventTime(), v.payment(id).getEventTime());
        return new Contract(rule, bills.get(0).bill().getBillId(), later);
    }
}
