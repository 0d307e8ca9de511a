package dev.recon.sinks.pager;

/** The pager protocols a {@link PagerConfig} can speak. */
public enum PagerProtocol {
    /** PagerDuty Events API v2 ({@code POST /v2/enqueue}). */
    PAGERDUTY("pagerduty"),
    /** Prometheus Alertmanager API v2 ({@code POST /api/v2/alerts}). */
    ALERTMANAGER("alertmanager"),
    /** A plain JSON webhook: one object per page event. */
    WEBHOOK("webhook");

    private final String id;

    PagerProtocol(String id) {
        this.id = id;
    }

    /** The lower-case name, the default pager name. */
    public String id() {
        return id;
    }
}
