package dev.recon.sinks.pager.internal;

import dev.recon.model.avro.PageAction;
import dev.recon.model.avro.PageEvent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.Schema;

import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A plain webhook: one JSON object with the page event's fields under their (snake_case) schema
 * names, enum values in lower case; every action except REFRESH. An optional bearer token.
 */
public final class WebhookRenderer implements PageRenderer {
    private final URI uri;
    private final Map<String, String> headers;

    /** A renderer posting to this URL, with {@code Authorization: Bearer token} unless null. */
    public WebhookRenderer(String url, String tokenOrNull) {
        this.uri = URI.create(url);
        this.headers =
                tokenOrNull == null ? Map.of() : Map.of("Authorization", "Bearer " + tokenOrNull);
    }

    @Override
    public Optional<PagerRequest> render(PageEvent page, Instant now) {
        if (page.getAction() == PageAction.REFRESH) {
            return Optional.empty();
        }
        String body = toJson(page).toString();
        return Optional.of(new PagerRequest(uri, body, body, headers));
    }

    /** The page event as a JSON object keyed by its schema's field names. */
    static ObjectNode toJson(PageEvent page) {
        ObjectNode node = PageJson.MAPPER.createObjectNode();
        for (Schema.Field field : PageEvent.getClassSchema().getFields()) {
            node.set(field.name(), value(page.get(field.pos())));
        }
        return node;
    }

    private static JsonNode value(Object v) {
        if (v == null) {
            return PageJson.MAPPER.getNodeFactory().nullNode();
        }
        if (v instanceof Enum<?> e) {
            return PageJson.MAPPER.getNodeFactory().textNode(e.name().toLowerCase(Locale.ROOT));
        }
        if (v instanceof Map<?, ?> m) {
            ObjectNode node = PageJson.MAPPER.createObjectNode();
            new java.util.TreeMap<>(m).forEach((k, x) -> node.set(k.toString(), value(x)));
            return node;
        }
        return PageJson.MAPPER.valueToTree(v);
    }
}
