package dev.recon.job.operators;

import dev.recon.job.operators.MatchFunctionTest.Harness;
import dev.recon.model.avro.Alert;
import dev.recon.model.avro.BillEvent;
import dev.recon.model.avro.PaymentEvent;

import org.apache.flink.types.Either;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.recon.job.testing.Records.bill;
import static dev.recon.job.testing.Records.payment;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the lag hold: a missing verdict waits while the counterpart stream, or one of its
 * partitions (the watermark), is read behind the deadline in its own event time, and only then.
 */
class LagHoldTest {
    private static final long DEADLINE = MatchFunctionTest.deadline();
    private static final long T = 1_000_000; // event time of the pending payment
    private static final long OUT_OF_ORDERNESS = Lateness.DEFAULT_OUT_OF_ORDERNESS.toMillis();

    private Harness h;

    @AfterEach
    void tearDown() throws Exception {
        h.close();
    }

    @Test
    void aBillReadFromALaggingStreamAfterTheDeadlineMatchesWithoutAFalseMissing() throws Exception {
        h = MatchFunctionTest.harness(new Lateness(Lateness.DEFAULT_ALLOWED));
        h.setProcessingTime(0);
        payAt("p1", T);
        for (long t = 0; t <= DEADLINE + 2_000; t += 500) { // bills read 8 s behind payments
            h.setProcessingTime(t);
            billAt("b-other-" + t, "p-other-" + t, T - 8_000 + t);
        }
        assertThat(verdictsFor("p1")).as("held while the bills stream lags").isEmpty();
        billAt("b1", "p1", T + 1_000); // its bill, sent 1 s after the payment, read 7.5 s late
        h.setProcessingTime(DEADLINE + 60_000);
        assertThat(verdictsFor("p1")).as("matched: no missing verdict, no resolve").isEmpty();
    }

    @Test
    void aHeldVerdictIsIssuedWhenTheLaggingStreamPassesTheDeadline() throws Exception {
        h = MatchFunctionTest.harness(new Lateness(Lateness.DEFAULT_ALLOWED));
        h.setProcessingTime(0);
        payAt("p1", T);
        long passes = T + DEADLINE - StreamProgress.margin(DEADLINE); // allows for jitter
        long t = 0;
        for (; T - 8_000 + t < passes; t += 250) { // 8 s behind
            h.setProcessingTime(t);
            assertThat(verdictsFor("p1")).as("held at %d ms", t).isEmpty();
            billAt("b-other-" + t, "p-other-" + t, T - 8_000 + t);
        }
        h.setProcessingTime(t);
        billAt("b-other-" + t, "p-other-" + t, passes);
        h.setProcessingTime(t + 250); // the bills stream reached the deadline 250 ms ago
        assertThat(verdictsFor("p1")).containsExactly("bill-missing");
    }

    @Test
    void aStreamReadALittleSlowerThanTheOtherHoldsNothing() throws Exception {
        h = MatchFunctionTest.harness(new Lateness(Lateness.DEFAULT_ALLOWED));
        h.setProcessingTime(0);
        payAt("p1", T);
        for (long t = 0; t <= DEADLINE; t += 250) { // bills read 200 ms behind payments
            h.setProcessingTime(t);
            billAt("b-other-" + t, "p-other-" + t, T - 200 + t);
        }
        assertThat(verdictsFor("p1")).as("due at the deadline").containsExactly("bill-missing");
    }

    @Test
    void aStreamDeliveredInBurstsUpToASecondApartHoldsNothing() throws Exception {
        h = MatchFunctionTest.harness(new Lateness(Lateness.DEFAULT_ALLOWED));
        h.setProcessingTime(0);
        payAt("p1", T);
        for (long t = 0; t <= DEADLINE; t += 900) { // a burst every 900 ms, 100 ms in transit
            h.setProcessingTime(t);
            billAt("b-other-" + t, "p-other-" + t, T + t - 100);
        }
        h.setProcessingTime(DEADLINE);
        assertThat(verdictsFor("p1")).as("due at the deadline").containsExactly("bill-missing");
    }

    @Test
    void aLaggingPartitionHoldsTheVerdictThoughItsStreamIsAhead() throws Exception {
        h = MatchFunctionTest.harness(new Lateness(Lateness.DEFAULT_ALLOWED));
        h.processBroadcastWatermark(Long.MAX_VALUE); // the rules input holds nothing back
        h.setProcessingTime(0);
        payAt("p1", T);
        long need = T + DEADLINE - StreamProgress.margin(DEADLINE);
        long t = 0;
        for (; partitionAt(t) + StreamProgress.WATERMARK_SLACK_MS < need; t += 250) {
            h.setProcessingTime(t);
            assertThat(verdictsFor("p1")).as("held at %d ms", t).isEmpty();
            billAt("b-other-" + t, "p-other-" + t, T + t); // one bills partition is current
            h.processWatermark(partitionAt(t) - OUT_OF_ORDERNESS); // the other is 8 s behind
        }
        h.setProcessingTime(t + StreamProgress.QUIET_MS);
        assertThat(verdictsFor("p1"))
                .as("issued once the slowest partition passed the deadline")
                .containsExactly("bill-missing");
    }

    @Test
    void aWatermarkThatTrailsByTheUsualIntervalHoldsNothing() throws Exception {
        h = MatchFunctionTest.harness(new Lateness(Lateness.DEFAULT_ALLOWED));
        h.processBroadcastWatermark(Long.MAX_VALUE);
        h.setProcessingTime(0);
        payAt("p1", T);
        for (long t = 0; t <= DEADLINE; t += 200) { // emitted every 200 ms, 300 ms in transit
            h.setProcessingTime(t);
            billAt("b-other-" + t, "p-other-" + t, T + t);
            h.processWatermark(T + t - 300 - OUT_OF_ORDERNESS - 1);
        }
        assertThat(verdictsFor("p1")).as("due at the deadline").containsExactly("bill-missing");
    }

    @Test
    void aStuckWatermarkHoldsNoLongerThanTheInputsKeepArriving() throws Exception {
        h = MatchFunctionTest.harness(new Lateness(Lateness.DEFAULT_ALLOWED));
        h.processBroadcastWatermark(Long.MAX_VALUE);
        h.processWatermark(T - 60_000); // and never advances
        h.setProcessingTime(0);
        payAt("p1", T);
        long last = DEADLINE - 100; // the last record of either stream
        for (long t = 0; t <= last; t += 100) {
            h.setProcessingTime(t);
            billAt("b-other-" + t, "p-other-" + t, T + t);
        }
        h.setProcessingTime(DEADLINE);
        assertThat(verdictsFor("p1")).as("held while records still arrive").isEmpty();
        h.setProcessingTime(DEADLINE + DEADLINE - 1); // a held verdict is rechecked a deadline on
        assertThat(verdictsFor("p1")).as("held until the recheck").isEmpty();
        h.setProcessingTime(DEADLINE + DEADLINE);
        assertThat(verdictsFor("p1"))
                .as("issued at the recheck: nothing arrived for a quiet period")
                .containsExactly("bill-missing");
    }

    @Test
    void aQuietCounterpartStreamHoldsNothing() throws Exception {
        h = MatchFunctionTest.harness(new Lateness(Lateness.DEFAULT_ALLOWED));
        h.setProcessingTime(0);
        billAt("b-old", "p-old", T - 60_000); // the bills stream, far behind, then silent
        payAt("p1", T);
        h.setProcessingTime(DEADLINE);
        assertThat(verdictsFor("p1")).containsExactly("bill-missing");
    }

    @Test
    void theHoldEndsAfterTheLagHoldAndTheKeyIsForgottenAfterRetention() throws Exception {
        h = MatchFunctionTest.harness(new Lateness(Lateness.DEFAULT_ALLOWED, ofSeconds(10)));
        h.setProcessingTime(0);
        payAt("p1", T);
        long t = 0;
        for (; t < DEADLINE + 10_000; t += 250) { // the bills stream stays a minute behind
            h.setProcessingTime(t);
            billAt("b-other-" + t, "p-other-" + t, T - 60_000);
        }
        assertThat(verdictsFor("p1")).as("held for 10 s past the deadline").isEmpty();
        h.setProcessingTime(DEADLINE + 10_000);
        assertThat(verdictsFor("p1")).containsExactly("bill-missing");
        payAt("p-stop", T); // the payments stream goes quiet after this
        h.setProcessingTime(DEADLINE + 10_000 + MatchFunctionTest.retention() + 2 * DEADLINE);
        assertThat(h.numKeyedStateEntries()).as("keyed state entries").isZero();
        assertThat(h.numProcessingTimeTimers()).as("processing-time timers").isZero();
    }

    @Test
    void aZeroLagHoldNeverWaits() throws Exception {
        h = MatchFunctionTest.harness(new Lateness(Lateness.DEFAULT_ALLOWED, Duration.ZERO));
        h.setProcessingTime(0);
        payAt("p1", T);
        for (long t = 0; t <= DEADLINE; t += 250) {
            h.setProcessingTime(t);
            billAt("b-other-" + t, "p-other-" + t, T - 60_000);
        }
        assertThat(verdictsFor("p1")).containsExactly("bill-missing");
    }

    /** The newest event time of the lagging partition at processing time {@code t}. */
    private static long partitionAt(long t) {
        return T - 8_000 + t;
    }

    private static Duration ofSeconds(long s) {
        return Duration.ofSeconds(s);
    }

    private void payAt(String id, long eventTime) throws Exception {
        PaymentEvent p = payment(id, 1000);
        p.setEventTime(eventTime);
        h.processElement(Either.Left(p), 0L);
    }

    private void billAt(String billId, String paymentId, long eventTime) throws Exception {
        BillEvent b = bill(billId, paymentId, 1000);
        b.setEventTime(eventTime);
        h.processElement(Either.Right(b), 0L);
    }

    private List<String> verdictsFor(String key) {
        return h.extractOutputValues().stream()
                .filter(a -> a.getKey().equals(key))
                .map(Alert::getRuleId)
                .toList();
    }
}
