package dev.recon.job.operators;

import dev.recon.job.operators.AlertFactory.Break;
import dev.recon.model.avro.Alert;
import dev.recon.model.avro.BillEvent;
import dev.recon.model.avro.PaymentEvent;
import dev.recon.rules.LifecycleRule;
import dev.recon.rules.PairRule;
import dev.recon.rules.Reconciliation;

import org.apache.flink.util.Collector;

/** Turns the matcher's decisions into alerts of the rules in force, and counts them. */
final class Verdicts {
    private final Reconciliation recon;
    private final AlertFactory alerts;
    private final MatchMetrics metrics;

    Verdicts(Reconciliation recon, String version, MatchMetrics metrics) {
        this.recon = recon;
        this.alerts = new AlertFactory(recon, version);
        this.metrics = metrics;
    }

    /** True when the left stream's filter in force (if any) accepts the payment. */
    boolean acceptsPayment(PaymentEvent p) {
        return recon.left().accepts(p);
    }

    /** True when the right stream's filter in force (if any) accepts the bill. */
    boolean acceptsBill(BillEvent b) {
        return recon.right().accepts(b);
    }

    long rightDeadlineMs() {
        return recon.rightDeadline().toMillis();
    }

    long leftDeadlineMs() {
        return recon.leftDeadline().toMillis();
    }

    long retentionMs() {
        return recon.retention().toMillis();
    }

    /** Runs every pair rule on a matched pair. */
    void matched(PaymentEvent p, BillEvent b, long now, Collector<Alert> out) {
        metrics.pairsMatched.inc();
        long eventTime = Math.max(p.getEventTime(), b.getEventTime());
        for (PairRule rule : recon.pairRules()) {
            if (rule.isBreak(p, b)) {
                Break br =
                        new Break(
                                rule.header(),
                                p.getPaymentId(),
                                b.getBillId(),
                                p,
                                b,
                                p.getMerchantId(),
                                rule.message(p, b),
                                rule.amountAtRisk(p, b),
                                p.getCurrency(),
                                eventTime,
                                eventTime);
                emit(alerts.trigger(br, now), out);
            }
        }
    }

    void billMissing(PaymentEvent p, long deadline, long now, Collector<Alert> out) {
        emit(alerts.trigger(billMissingBreak(p, deadline), now), out);
    }

    void resolveBillMissing(PaymentEvent p, BillEvent late, long now, Collector<Alert> out) {
        emit(alerts.resolve(billMissingBreak(p, late.getEventTime()), now), out);
    }

    void paymentMissing(BillEvent b, long deadline, long now, Collector<Alert> out) {
        emit(alerts.trigger(paymentMissingBreak(b, deadline), now), out);
    }

    void resolvePaymentMissing(PaymentEvent late, BillEvent b, long now, Collector<Alert> out) {
        emit(alerts.resolve(paymentMissingBreak(b, late.getEventTime()), now), out);
    }

    /** A second bill id for a payment (a double charge), or a known bill id with new content. */
    void duplicateBill(
            BillEvent b, long fingerprint, boolean altered, long now, Collector<Alert> out) {
        LifecycleRule rule = recon.duplicateRight();
        String disc =
                altered
                        ? "altered:" + b.getBillId() + ":" + Long.toHexString(fingerprint)
                        : b.getBillId();
        Break br =
                new Break(
                        rule.header(),
                        b.getPaymentId(),
                        disc,
                        null,
                        b,
                        b.getMerchantId(),
                        rule.message(null, b),
                        b.getAmountMinor(),
                        b.getCurrency(),
                        b.getEventTime(),
                        b.getEventTime());
        emit(alerts.trigger(br, now), out);
    }

    /** The same payment id delivered again with different content. */
    void conflictingPayment(PaymentEvent p, long fingerprint, long now, Collector<Alert> out) {
        LifecycleRule rule = recon.conflictingLeft();
        Break br =
                new Break(
                        rule.header(),
                        p.getPaymentId(),
                        "conflict:" + Long.toHexString(fingerprint),
                        p,
                        null,
                        p.getMerchantId(),
                        rule.message(p, null),
                        p.getAmountMinor(),
                        p.getCurrency(),
                        p.getEventTime(),
                        p.getEventTime());
        emit(alerts.trigger(br, now), out);
    }

    private Break billMissingBreak(PaymentEvent p, long decidedAt) {
        LifecycleRule rule = recon.rightMissing();
        return new Break(
                rule.header(),
                p.getPaymentId(),
                "",
                p,
                null,
                p.getMerchantId(),
                rule.message(p, null),
                p.getAmountMinor(),
                p.getCurrency(),
                p.getEventTime(),
                decidedAt);
    }

    private Break paymentMissingBreak(BillEvent b, long decidedAt) {
        LifecycleRule rule = recon.leftMissing();
        return new Break(
                rule.header(),
                b.getPaymentId(),
                b.getBillId(),
                null,
                b,
                b.getMerchantId(),
                rule.message(null, b),
                b.getAmountMinor(),
                b.getCurrency(),
                b.getEventTime(),
                decidedAt);
    }

    private void emit(Alert a, Collector<Alert> out) {
        metrics.alert(a);
        out.collect(a);
    }
}
