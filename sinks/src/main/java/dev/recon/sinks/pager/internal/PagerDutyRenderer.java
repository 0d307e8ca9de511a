package dev.recon.sinks.pager.internal;

import dev.recon.model.avro.PageAction;
import dev.recon.model.avro.PageEvent;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * PagerDuty Events API v2: TRIGGER and UPDATE become {@code trigger} events with the page key as
 * dedup key, RESOLVE a {@code resolve}; REFRESH is not sent. Events stay under 512 KB.
 */
public final class PagerDutyRenderer implements PageRenderer {
    static final int MAX_EVENT_BYTES = 512 * 1024;
    private static final int MAX_SUMMARY = 1024;

    private final URI uri;
    private final String routingKey;
    private final String source;
    private final String linkTemplate;

    public PagerDutyRenderer(String url, String routingKey, String source, String linkTemplate) {
        this.uri = URI.create(url);
        this.routingKey = routingKey;
        this.source = source;
        this.linkTemplate = linkTemplate;
    }

    @Override
    public Optional<PagerRequest> render(PageEvent page, Instant now) {
        if (page.getAction() == PageAction.REFRESH) {
            return Optional.empty();
        }
        ObjectNode event = PageJson.MAPPER.createObjectNode();
        event.put("routing_key", "***");
        boolean resolve = page.getAction() == PageAction.RESOLVE;
        event.put("event_action", resolve ? "resolve" : "trigger");
        event.put("dedup_key", page.getPageKey());
        if (!resolve) {
            event.set("payload", payload(page, PageJson.MAX_MAP_VALUE));
            if (size(event) > MAX_EVENT_BYTES) {
                event.set("payload", payload(page, 64));
            }
            if (size(event) > MAX_EVENT_BYTES) {
                ((ObjectNode) event.get("payload").get("custom_details"))
                        .remove(List.of("left", "right"));
            }
            String link = PageJson.link(linkTemplate, page);
            if (link != null) {
                event.putArray("links").addObject().put("href", link).put("text", "recon page");
            }
            event.put("client", "recon");
        }
        String redacted = event.toString();
        String body = event.put("routing_key", routingKey).toString();
        return Optional.of(new PagerRequest(uri, body, redacted, Map.of()));
    }

    private ObjectNode payload(PageEvent page, int maxValue) {
        ObjectNode payload = PageJson.MAPPER.createObjectNode();
        payload.put("summary", PageJson.truncate(page.getSummary(), MAX_SUMMARY));
        payload.put("source", source);
        payload.put("severity", page.getSeverity().name().toLowerCase(Locale.ROOT));
        payload.put("timestamp", PageJson.iso(page.getEmittedAt()));
        payload.put("component", "reconciliation");
        if (page.getMerchantId() != null) {
            payload.put("group", page.getMerchantId());
        }
        payload.put("class", page.getRuleId());
        payload.set("custom_details", details(page, maxValue));
        return payload;
    }

    private static ObjectNode details(PageEvent page, int maxValue) {
        ObjectNode d = PageJson.MAPPER.createObjectNode();
        d.put("reconciliation", page.getReconciliation());
        d.put("kind", page.getKind().name().toLowerCase(Locale.ROOT));
        d.put("rule_id", page.getRuleId());
        d.put("rule_set_version", page.getRuleSetVersion());
        d.put("merchant_id", page.getMerchantId());
        d.put("breaks", page.getBreaks());
        d.put("open_breaks", page.getOpenBreaks());
        d.set("amount_at_risk", PageJson.amounts(page.getAmountAtRiskMinor()));
        d.put("first_alert_id", page.getFirstAlertId());
        d.put("last_alert_id", page.getLastAlertId());
        d.put("last_message", PageJson.truncate(page.getLastMessage(), Math.max(maxValue, 1024)));
        d.set("left", PageJson.strings(page.getLeft(), maxValue));
        d.set("right", PageJson.strings(page.getRight(), maxValue));
        d.put("first_break_at", PageJson.iso(page.getFirstBreakAt()));
        d.put("last_break_at", PageJson.iso(page.getLastBreakAt()));
        return d;
    }

    private static int size(ObjectNode event) {
        return event.toString().getBytes(StandardCharsets.UTF_8).length + 256;
    }
}
