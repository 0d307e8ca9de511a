package dev.recon.job.operators;

import dev.recon.job.rules.DefaultRuleSetProvider;
import dev.recon.model.AlertIds;
import dev.recon.model.Fingerprints;
import dev.recon.model.avro.Alert;
import dev.recon.model.avro.BillEvent;
import dev.recon.model.avro.DeadLetter;
import dev.recon.model.avro.PaymentEvent;
import dev.recon.model.avro.Severity;
import dev.recon.rules.DefaultRules;

import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.types.Either;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.recon.job.testing.Records.bill;
import static dev.recon.job.testing.Records.payment;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lateness policy in the matcher: in order and out of order within the allowed lateness is
 * reconciled; beyond it, a record goes to the late-data output and raises an alert, leaving no
 * state and no timer.
 */
class LatenessTest {
    private static final long DEADLINE = 5_000;
    private static final long RETENTION = 60_000;
    private static final long ALLOWED = 3_600_000;
    private static final long T = 1_700_000_000_000L;

    private MatchFunctionTest.Harness h;

    @BeforeEach
    void setUp() throws Exception {
        var provider =
                new DefaultRuleSetProvider(
                        Duration.ofMillis(DEADLINE),
                        "exact",
                        Duration.ofMillis(RETENTION),
                        "payments",
                        "bills");
        h =
                new MatchFunctionTest.Harness(
                        new CoBroadcastWithKeyedOperator<>(
                                new MatchFunction(
                                        provider, new Lateness(Duration.ofMillis(ALLOWED))),
                                List.of(MatchFunction.RULES)),
                        MatchFunction::keyOf,
                        Types.STRING,
                        1,
                        1,
                        0);
        h.open();
        h.setProcessingTime(0);
    }

    @AfterEach
    void tearDown() throws Exception {
        h.close();
    }

    @Test
    void inOrderRecordsAreReconciled() throws Exception {
        watermark(T);
        pay(payment("p1", 1000), T + 10);
        send(bill("b1", "p1", 1003), T + 20);
        watermark(T + 20);

        assertThat(alerts()).extracting(Alert::getRuleId).containsExactly("amount-match");
        assertThat(late()).isEmpty();
        h.setProcessingTime(RETENTION + 1);
        assertZeroStateAndTimers();
    }

    @Test
    void outOfOrderWithinTheAllowedLatenessIsReconciled() throws Exception {
        watermark(T);
        send(bill("b1", "p1", 1003), T - ALLOWED);
        pay(payment("p1", 1000), T - ALLOWED + 5);

        assertThat(alerts()).extracting(Alert::getRuleId).containsExactly("amount-match");
        assertThat(late()).isEmpty();
        h.setProcessingTime(RETENTION + 1);
        assertZeroStateAndTimers();
    }

    @Test
    void aPaymentBeyondTheAllowedLatenessGoesToTheLateOutputAndAlerts() throws Exception {
        watermark(T);
        PaymentEvent p = payment("p1", 1000);
        pay(p, T - ALLOWED - 1);

        DeadLetter dl = late().get(0);
        assertThat(late()).hasSize(1);
        assertThat(dl.getReason())
                .isEqualTo(
                        "late: event_time 1699996399999 (2023-11-14T21:13:19.999Z) is PT1H0.001S"
                                + " behind the watermark 1700000000000"
                                + " (2023-11-14T22:13:20Z), beyond the allowed lateness PT1H"
                                + " (--allowed-lateness-ms); not reconciled");
        assertThat(dl.getStream()).isEqualTo("payments");
        assertThat(dl.getTopic()).isEqualTo("payments");
        assertThat(dl.getKafkaTimestamp()).isEqualTo(T - ALLOWED - 1);
        assertThat(decodePayment(dl)).isEqualTo(p);

        Alert a = alerts().get(0);
        assertThat(alerts()).hasSize(1);
        assertThat(a.getRuleId()).isEqualTo("late-event");
        assertThat(a.getSeverity()).isEqualTo(Severity.WARNING);
        assertThat(a.getAlertId())
                .isEqualTo(
                        AlertIds.of(
                                DefaultRules.RECONCILIATION,
                                "late-event",
                                "p1",
                                "payment:" + Long.toHexString(Fingerprints.of(p))));
        assertThat(a.getMessage()).startsWith("payment p1 arrived late: event_time 1699996399999");
        assertThat(a.getLeft())
                .containsEntry("payment_id", "p1")
                .containsEntry("amount_minor", "1000");
        assertThat(a.getRight()).isNull();
        assertThat(a.getAmountAtRiskMinor()).isEqualTo(1000);
        assertZeroStateAndTimers();
    }

    @Test
    void aLateBillIsNotReconciledAndItsRedeliveryGetsTheSameAlertId() throws Exception {
        watermark(T);
        BillEvent b = bill("b1", "p1", 1000);
        send(b, T - 2 * ALLOWED);
        send(b, T - 2 * ALLOWED);

        assertThat(late())
                .hasSize(2)
                .allSatisfy(dl -> assertThat(dl.getStream()).isEqualTo("bills"));
        assertThat(alerts()).hasSize(2);
        assertThat(alerts().get(0).getAlertId()).isEqualTo(alerts().get(1).getAlertId());
        assertThat(alerts().get(0).getRight()).containsEntry("bill_id", "b1");
        assertThat(alerts().get(0).getLeft()).isNull();
        assertZeroStateAndTimers();
    }

    @Test
    void beforeTheFirstWatermarkNothingIsLate() throws Exception {
        pay(payment("p1", 1000), 1_000);
        send(bill("b1", "p1", 1000), 1_500);

        assertThat(alerts()).isEmpty();
        assertThat(late()).isEmpty();
    }

    @Test
    void thePolicyNeverOverflows() {
        Lateness l = new Lateness(Duration.ofMillis(ALLOWED));
        assertThat(l.isLate(Long.MIN_VALUE, Long.MIN_VALUE)).isFalse();
        assertThat(l.isLate(0, Long.MIN_VALUE + 5)).isFalse();
        assertThat(l.isLate(Long.MIN_VALUE + 1, Long.MAX_VALUE)).isTrue();
        assertThat(l.reason(Long.MIN_VALUE + 1, Long.MAX_VALUE)).contains("behind the watermark");
        assertThat(l.isLate(T - ALLOWED, T)).isFalse();
        assertThat(l.isLate(T - ALLOWED - 1, T)).isTrue();
        assertThat(new Lateness(Duration.ZERO).isLate(T - 1, T)).isTrue();
    }

    private void watermark(long wm) throws Exception {
        h.processWatermark(wm);
        h.processBroadcastWatermark(wm);
    }

    private void pay(PaymentEvent p, long eventTime) throws Exception {
        p.setEventTime(eventTime);
        h.processElement(Either.Left(p), eventTime);
    }

    private void send(BillEvent b, long eventTime) throws Exception {
        b.setEventTime(eventTime);
        h.processElement(Either.Right(b), eventTime);
    }

    private List<Alert> alerts() {
        return h.extractOutputValues();
    }

    private List<DeadLetter> late() {
        var q = h.getSideOutput(MatchFunction.LATE_EVENTS);
        return q == null ? List.of() : q.stream().map(StreamRecord::getValue).toList();
    }

    private static PaymentEvent decodePayment(DeadLetter dl) throws Exception {
        byte[] bytes = new byte[dl.getPayload().remaining()];
        dl.getPayload().duplicate().get(bytes);
        return new SpecificDatumReader<>(PaymentEvent.class)
                .read(null, DecoderFactory.get().binaryDecoder(bytes, null));
    }

    private void assertZeroStateAndTimers() {
        assertThat(h.numKeyedStateEntries()).as("keyed state entries").isZero();
        assertThat(h.numProcessingTimeTimers()).as("processing-time timers").isZero();
        assertThat(h.numEventTimeTimers()).as("event-time timers").isZero();
    }
}
