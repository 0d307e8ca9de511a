package dev.recon.job.paging;

import dev.recon.model.avro.Alert;
import dev.recon.model.avro.RuleMode;
import dev.recon.model.avro.Severity;

import org.apache.flink.api.common.functions.FilterFunction;

/** Keeps the alerts that may page: rules in ENFORCE mode at or above a severity. */
public final class PageableAlerts implements FilterFunction<Alert> {
    private static final long serialVersionUID = 1L;

    private final Severity minSeverity;

    /** Keeps ENFORCE alerts at least as severe as {@code minSeverity}. */
    public PageableAlerts(Severity minSeverity) {
        this.minSeverity = minSeverity;
    }

    @Override
    public boolean filter(Alert a) {
        return a.getMode() == RuleMode.ENFORCE
                && a.getSeverity().ordinal() <= minSeverity.ordinal();
    }
}
