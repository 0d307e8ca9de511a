package dev.recon.job.paging;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/** Metrics of storm control: pages opened, resolved and expired, breaks folded into pages. */
final class PagingMetrics {
    final Counter pagesOpened;
    final Counter pagesResolved;
    final Counter pagesExpired;
    final Counter breaksAggregated;
    final Counter repeatsIgnored;

    PagingMetrics(MetricGroup operatorGroup) {
        MetricGroup g = operatorGroup.addGroup("recon").addGroup("paging");
        this.pagesOpened = g.counter("pagesOpened");
        this.pagesResolved = g.counter("pagesResolved");
        this.pagesExpired = g.counter("pagesExpired");
        this.breaksAggregated = g.counter("breaksAggregated");
        this.repeatsIgnored = g.counter("repeatsIgnored");
    }
}
