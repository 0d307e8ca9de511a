package dev.recon.loadgen.internal;

import dev.recon.loadgen.FaultClass;
import dev.recon.model.avro.BillEvent;
import dev.recon.model.avro.PaymentEvent;

import java.util.List;

/** Writes the records of one event, clean or with its fault, and records the ground truth. */
final class FaultWriter {
    private final EventFactory events;
    private final BillFactory bills;
    private final Emitter emit;
    private final DelayedSends delayed;
    private final TruthRecorder truth;
    private final long deadlineMs;

    FaultWriter(
            EventFactory events,
            Emitter emit,
            DelayedSends delayed,
            TruthRecorder truth,
            long deadlineMs) {
        this.events = events;
        this.bills = new BillFactory(events);
        this.emit = emit;
        this.delayed = delayed;
        this.truth = truth;
        this.deadlineMs = deadlineMs;
    }

    /** Writes event {@code index} with the given fault, or clean when {@code fault} is null. */
    void write(long index, FaultClass fault) {
        PaymentEvent p = events.payment(index);
        String billId = events.billId(index);
        BillEvent bill = bills.matching(p, billId);
        if (fault == null) {
            emit.payment(p);
            emit.bill(bill);
            return;
        }
        switch (fault) {
            case AMOUNT_MISMATCH -> pair(fault, p, bills.withOtherAmount(bill));
            case CURRENCY_MISMATCH -> pair(fault, p, bills.withOtherCurrency(bill));
            case STATUS_MISMATCH -> pair(fault, p, bills.withWrongStatus(bill));
            case BILL_DROPPED -> billDropped(p);
            case DUPLICATE_BILL -> duplicateBill(p, bill, events.secondBillId(index));
            case ORPHAN_BILL -> orphanBill(bill);
            case OUT_OF_ORDER -> outOfOrder(p, bill);
            case LATE_WITHIN_DEADLINE -> lateBill(p, bill);
            case REDELIVERED_BILL -> redelivered(p, bill);
        }
    }

    private void pair(FaultClass fault, PaymentEvent p, BillEvent bill) {
        emit.payment(p);
        long decidedAt = emit.bill(bill);
        String billId = bill.getBillId();
        truth.record(fault, p.getPaymentId(), List.of(billId), billId, decidedAt);
    }

    private void billDropped(PaymentEvent p) {
        long sentAt = emit.payment(p);
        truth.record(FaultClass.BILL_DROPPED, p.getPaymentId(), List.of(), "", sentAt + deadlineMs);
    }

    private void duplicateBill(PaymentEvent p, BillEvent first, String secondId) {
        emit.payment(p);
        emit.bill(first);
        long decidedAt = emit.bill(bills.withBillId(first, secondId));
        List<String> ids = List.of(first.getBillId(), secondId);
        truth.record(FaultClass.DUPLICATE_BILL, p.getPaymentId(), ids, secondId, decidedAt);
    }

    private void orphanBill(BillEvent bill) {
        long sentAt = emit.bill(bill);
        String billId = bill.getBillId();
        truth.record(
                FaultClass.ORPHAN_BILL,
                bill.getPaymentId(),
                List.of(billId),
                billId,
                sentAt + deadlineMs);
    }

    private void outOfOrder(PaymentEvent p, BillEvent bill) {
        long sentAt = emit.bill(bill);
        delayed.schedule(sentAt + lateBy(), () -> emit.payment(p));
        truth.recordSilent(FaultClass.OUT_OF_ORDER, p.getPaymentId(), List.of(bill.getBillId()));
    }

    private void lateBill(PaymentEvent p, BillEvent bill) {
        long sentAt = emit.payment(p);
        delayed.schedule(sentAt + lateBy(), () -> emit.bill(bill));
        truth.recordSilent(
                FaultClass.LATE_WITHIN_DEADLINE, p.getPaymentId(), List.of(bill.getBillId()));
    }

    private void redelivered(PaymentEvent p, BillEvent bill) {
        emit.payment(p);
        emit.billTwice(bill);
        truth.recordSilent(
                FaultClass.REDELIVERED_BILL, p.getPaymentId(), List.of(bill.getBillId()));
    }

    /** How late an out-of-order payment or a late bill comes: a third of the deadline. */
    long lateBy() {
        return deadlineMs / 3;
    }
}
