package dev.recon.sinks.pager.internal;

import dev.recon.sinks.pager.PagerConfig;

/** Picks the renderer of a pager configuration. */
public final class Renderers {
    private Renderers() {}

    /** The renderer for this configuration, with its secret (null when it has none). */
    public static PageRenderer create(PagerConfig cfg, String secretOrNull) {
        return switch (cfg.protocol()) {
            case PAGERDUTY ->
                    new PagerDutyRenderer(
                            cfg.url(), secretOrNull, cfg.source(), cfg.linkTemplate());
            case ALERTMANAGER ->
                    new AlertmanagerRenderer(cfg.url(), cfg.resendHorizon(), cfg.linkTemplate());
            case WEBHOOK -> new WebhookRenderer(cfg.url(), secretOrNull);
        };
    }
}
