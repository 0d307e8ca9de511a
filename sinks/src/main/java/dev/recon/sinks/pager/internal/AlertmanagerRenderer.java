package dev.recon.sinks.pager.internal;

import dev.recon.model.avro.PageAction;
import dev.recon.model.avro.PageEvent;
import dev.recon.model.avro.PageKind;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Alertmanager API v2: every action becomes a one-alert array for {@code /api/v2/alerts}; the label
 * set (alertname, reconciliation, rule, merchant_id, severity, page_key) is the identity. Firing
 * alerts end at now plus the resend horizon; RESOLVE ends them now.
 */
public final class AlertmanagerRenderer implements PageRenderer {
    private final URI uri;
    private final Duration resendHorizon;
    private final String linkTemplate;

    public AlertmanagerRenderer(String baseUrl, Duration resendHorizon, String linkTemplate) {
        this.uri = Urls.alertmanagerAlerts(baseUrl);
        this.resendHorizon = resendHorizon;
        this.linkTemplate = linkTemplate;
    }

    @Override
    public Optional<PagerRequest> render(PageEvent page, Instant now) {
        ArrayNode alerts = PageJson.MAPPER.createArrayNode();
        ObjectNode alert = alerts.addObject();
        alert.set("labels", labels(page));
        alert.set("annotations", annotations(page));
        alert.put("startsAt", PageJson.iso(page.getFirstBreakAt()));
        Instant endsAt = page.getAction() == PageAction.RESOLVE ? now : now.plus(resendHorizon);
        alert.put("endsAt", endsAt.toString());
        String link = PageJson.link(linkTemplate, page);
        if (link != null) {
            alert.put("generatorURL", link);
        }
        String body = alerts.toString();
        return Optional.of(new PagerRequest(uri, body, body, Map.of()));
    }

    /** The identity of the alert at Alertmanager. */
    static ObjectNode labels(PageEvent page) {
        ObjectNode labels = PageJson.MAPPER.createObjectNode();
        labels.put(
                "alertname",
                page.getKind() == PageKind.HELD_BACK ? "ReconPagesHeldBack" : "ReconBreak");
        labels.put("reconciliation", page.getReconciliation());
        labels.put("rule", page.getRuleId());
        labels.put("merchant_id", page.getMerchantId() == null ? "none" : page.getMerchantId());
        labels.put("severity", page.getSeverity().name().toLowerCase(Locale.ROOT));
        labels.put("page_key", page.getPageKey());
        return labels;
    }

    private static ObjectNode annotations(PageEvent page) {
        ObjectNode a = PageJson.MAPPER.createObjectNode();
        a.put("summary", PageJson.truncate(page.getSummary(), 1024));
        a.put("description", PageJson.truncate(page.getLastMessage(), 8192));
        a.put("breaks", Long.toString(page.getBreaks()));
        a.put("open_breaks", Long.toString(page.getOpenBreaks()));
        a.put("amount_at_risk", PageJson.amountsText(page.getAmountAtRiskMinor()));
        a.put("first_alert_id", page.getFirstAlertId());
        a.put("last_alert_id", page.getLastAlertId());
        a.put("rule_set_version", page.getRuleSetVersion());
        return a;
    }
}
