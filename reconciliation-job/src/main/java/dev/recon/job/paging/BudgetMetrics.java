package dev.recon.job.paging;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/** Metrics of a pager's budget: pages passed, held back, promoted later, summaries sent. */
final class BudgetMetrics {
    final Counter passed;
    final Counter heldBack;
    final Counter promoted;
    final Counter updatesSkipped;
    final Counter summaries;

    BudgetMetrics(MetricGroup operatorGroup) {
        MetricGroup g = operatorGroup.addGroup("recon").addGroup("budget");
        this.passed = g.counter("passed");
        this.heldBack = g.counter("heldBack");
        this.promoted = g.counter("promoted");
        this.updatesSkipped = g.counter("updatesSkipped");
        this.summaries = g.counter("summaries");
    }
}
