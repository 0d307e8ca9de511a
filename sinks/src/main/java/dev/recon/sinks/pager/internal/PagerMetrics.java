package dev.recon.sinks.pager.internal;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** The delivery metrics of one pager, under the operator's group {@code pager.<name>}. */
final class PagerMetrics {
    final Counter sent;
    final Counter delivered;
    final Counter retried;
    final Counter rejected;
    final Counter gaveUp;
    final Counter skipped;
    final AtomicInteger queued = new AtomicInteger();
    final AtomicLong lastDeliveryLatencyMs = new AtomicLong(-1);

    PagerMetrics(MetricGroup operatorGroup, String name) {
        MetricGroup g = operatorGroup.addGroup("pager", name);
        sent = g.counter("sent");
        delivered = g.counter("delivered");
        retried = g.counter("retried");
        rejected = g.counter("rejected");
        gaveUp = g.counter("gaveUp");
        skipped = g.counter("skipped");
        g.gauge("queued", (Gauge<Integer>) queued::get);
        g.gauge("lastDeliveryLatencyMs", (Gauge<Long>) lastDeliveryLatencyMs::get);
    }
}
