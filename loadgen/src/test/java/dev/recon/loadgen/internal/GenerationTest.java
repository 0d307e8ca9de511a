package dev.recon.loadgen.internal;

import dev.recon.loadgen.FaultClass;
import dev.recon.loadgen.GroundTruth;
import dev.recon.loadgen.InjectedFault;
import dev.recon.loadgen.ProgressListener;
import dev.recon.loadgen.RecordsVerifier;
import dev.recon.loadgen.Sent;
import dev.recon.model.avro.BillEvent;
import dev.recon.model.avro.PaymentEvent;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Tests for {@link Generation}, writing into memory instead of Kafka. */
class GenerationTest {
    private static final long EVENTS = 1_800;
    private static final double FRACTION = 0.01;

    static GenerationSettings settings(long seed, long rate, ProgressListener listener) {
        return new GenerationSettings(
                "unused:9092",
                "payments",
                "bills",
                EVENTS,
                rate,
                FRACTION,
                seed,
                Duration.ofMillis(90),
                null,
                listener,
                "t1");
    }

    @Test
    void recordsMatchTheGroundTruth() {
        MemorySink sink = new MemorySink();
        GroundTruth truth = new Generation(settings(7, 0, ProgressListener.NONE), sink).run();

        long perClass = Math.round(EVENTS * FRACTION);
        truth.faultsInjected().values().forEach(n -> assertThat(n).isEqualTo((int) perClass));
        new RecordsVerifier(truth, sink.payments, sink.bills).verifyAll();
        assertThat(sink.flushed).isTrue();
    }

    @Test
    void outOfOrderBillIsSentBeforeItsPayment() {
        MemorySink sink = new MemorySink();
        GroundTruth truth = new Generation(settings(7, 0, ProgressListener.NONE), sink).run();

        for (InjectedFault f : truth.faults()) {
            int payment = sink.order.indexOf("payment:" + f.paymentId());
            int bill = sink.order.indexOf("bill:" + f.paymentId());
            if (f.faultClass() == FaultClass.OUT_OF_ORDER) {
                assertThat(bill).isLessThan(payment);
            } else if (payment >= 0 && bill >= 0) {
                assertThat(payment).isLessThan(bill);
            }
        }
    }

    /** Delayed sends interleave by wall clock, so contents are compared in sorted order. */
    @Test
    void sameSeedGivesSameRecordsApartFromTimes() {
        assertThat(contents(11)).isEqualTo(contents(11)).isNotEqualTo(contents(12));
    }

    private static List<String> contents(long seed) {
        MemorySink sink = new MemorySink();
        new Generation(settings(seed, 0, ProgressListener.NONE), sink).run();
        List<String> out = new ArrayList<>();
        for (Sent s : sink.payments) {
            PaymentEvent p = s.payment();
            p.setEventTime(0L);
            out.add(p.toString());
        }
        for (Sent s : sink.bills) {
            BillEvent b = s.bill();
            b.setEventTime(0L);
            out.add(b.toString());
        }
        Collections.sort(out);
        return out;
    }

    @Test
    void contentsLookLikeRealTraffic() {
        MemorySink sink = new MemorySink();
        new Generation(settings(3, 0, ProgressListener.NONE), sink).run();
        List<PaymentEvent> ps = sink.payments.stream().map(Sent::payment).toList();

        Set<String> merchants =
                ps.stream().map(PaymentEvent::getMerchantId).collect(Collectors.toSet());
        Set<String> currencies =
                ps.stream().map(PaymentEvent::getCurrency).collect(Collectors.toSet());
        Set<String> statuses = ps.stream().map(PaymentEvent::getStatus).collect(Collectors.toSet());
        long succeeded = ps.stream().filter(p -> p.getStatus().equals("SUCCEEDED")).count();
        assertThat(merchants.size()).isBetween(100, EventFactory.MERCHANTS);
        assertThat(currencies).contains("USD", "EUR", "GBP", "JPY");
        assertThat(statuses).containsExactlyInAnyOrder("SUCCEEDED", "REFUNDED", "FAILED");
        assertThat(succeeded).isGreaterThan(ps.size() * 8L / 10);
        assertThat(ps).allSatisfy(p -> assertThat(p.getAmountMinor()).isPositive());
    }

    @Test
    void rateLimitSlowsTheRunDownAndProgressEndsAtTotal() {
        List<long[]> calls = new ArrayList<>();
        ProgressListener listener = (sent, total) -> calls.add(new long[] {sent, total});
        long rate = 6_000;
        long start = System.nanoTime();
        new Generation(settings(5, rate, listener), new MemorySink()).run();
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(seconds).isGreaterThanOrEqualTo((EVENTS - 1) / (double) rate);
        assertThat(calls).isNotEmpty();
        assertThat(calls.get(calls.size() - 1)).containsExactly(EVENTS, EVENTS);
        for (int i = 1; i < calls.size(); i++) {
            assertThat(calls.get(i)[0]).isGreaterThanOrEqualTo(calls.get(i - 1)[0]);
        }
    }
}
