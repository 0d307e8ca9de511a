package dev.recon.rules.expr;

import dev.recon.model.avro.BillEvent;
import dev.recon.model.avro.PaymentEvent;
import dev.recon.rules.Side;
import dev.recon.rules.Tolerance;

import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Field reads of generated classes (read directly, without boxing) and of generic records (read by
 * position) give the same values, in any order, on the same nodes; and the nodes that read them
 * keep their null semantics.
 */
class FieldReadTest {
    private static final LongExpr PAID =
            Fields.longField(Side.LEFT, PaymentEvent.getClassSchema(), "amount_minor");
    private static final LongExpr BILLED =
            Fields.longField(Side.RIGHT, BillEvent.getClassSchema(), "amount_minor");
    private static final LongExpr BILL_TIME =
            Fields.longField(Side.RIGHT, BillEvent.getClassSchema(), "event_time");
    private static final StringExpr CURRENCY =
            Fields.stringField(Side.LEFT, PaymentEvent.getClassSchema(), "currency");

    private static PaymentEvent payment(long amount) {
        return new PaymentEvent("p1", "m1", "a1", amount, "USD", "SUCCEEDED", 1L, "core");
    }

    private static BillEvent bill(long amount, long time) {
        return new BillEvent("b1", "p1", "m1", amount, "USD", "BILLED", time, "billing");
    }

    private static GenericRecord genericBill(long amount, long time) {
        GenericData.Record r = new GenericData.Record(BillEvent.getClassSchema());
        BillEvent b = bill(amount, time);
        for (int i = 0; i < r.getSchema().getFields().size(); i++) {
            r.put(i, b.get(i));
        }
        return r;
    }

    @Test
    void generatedAndGenericRecordsReadTheSameValuesInAnyOrder() {
        LongExpr fresh = Fields.longField(Side.RIGHT, BillEvent.getClassSchema(), "event_time");
        assertThat(fresh.eval(null, genericBill(5, 42))).as("generic first").isEqualTo(42);
        assertThat(fresh.eval(null, bill(5, 43))).isEqualTo(43);
        assertThat(fresh.eval(null, genericBill(5, 44))).isEqualTo(44);

        for (long v : new long[] {0, 1, 127, 128, -1, Long.MAX_VALUE, Long.MIN_VALUE + 1}) {
            assertThat(BILLED.eval(null, bill(v, 7))).isEqualTo(v);
            assertThat(BILL_TIME.eval(null, bill(v, v))).isEqualTo(v);
            assertThat(BILLED.eval(null, genericBill(v, 7))).isEqualTo(v);
            assertThat(PAID.eval(payment(v), null)).isEqualTo(v);
        }
    }

    @Test
    void aGeneratedRecordsLongFieldIsReadWithoutBoxing() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        BillEvent b = bill(1_000_000, 7);
        long sum = BILLED.eval(null, b); // resolves the direct read
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 10_000; i++) {
            sum += BILLED.eval(null, b);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(sum).isEqualTo(10_001L * 1_000_000);
        assertThat(allocated)
                .as("10,000 reads by position would box 10,000 Longs (240,000 bytes)")
                .isLessThan(24_000);
    }

    @Test
    void aMutatedRecordIsReadAsItIsNow() {
        BillEvent b = bill(100, 7);
        assertThat(BILLED.eval(null, b)).isEqualTo(100);
        b.setAmountMinor(250L);
        assertThat(BILLED.eval(null, b)).isEqualTo(250);
    }

    @Test
    void missingSidesAreStillNullAndNodesKeepTheirSemantics() {
        assertThat(PAID.eval(null, bill(1, 1))).isEqualTo(LongExpr.NULL);
        assertThat(BILLED.eval(payment(1), null)).isEqualTo(LongExpr.NULL);
        BoolExpr within = Exprs.within(PAID, BILLED, Tolerance.basisPoints(10));
        assertThat(within.test(payment(10_000), bill(10_010, 1))).isTrue();
        assertThat(within.test(payment(10_000), bill(10_011, 1))).isFalse();
        assertThat(within.test(payment(10_000), null))
                .as("a missing side is never within")
                .isFalse();
        assertThat(Predicates.in(BILLED, Set.of(5L, 7L, -3L)).test(null, bill(7, 1))).isTrue();
        assertThat(Predicates.in(BILLED, Set.of(5L, 7L, -3L)).test(null, bill(6, 1))).isFalse();
        assertThat(Predicates.in(BILLED, Set.of(5L)).test(null, null)).isFalse();
        assertThat(Exprs.equal(CURRENCY, Exprs.literal("USD")).test(payment(1), null)).isTrue();
        assertThat(Exprs.absDiff(PAID, BILLED).eval(payment(3), bill(10, 1))).isEqualTo(7);
    }
}
