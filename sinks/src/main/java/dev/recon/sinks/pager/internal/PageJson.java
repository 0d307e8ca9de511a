package dev.recon.sinks.pager.internal;

import dev.recon.model.avro.PageEvent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** JSON helpers shared by the renderers: timestamps, truncation, maps, links. */
final class PageJson {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final int MAX_MAP_VALUE = 1024;

    private PageJson() {}

    /** ISO-8601 UTC of epoch milliseconds. */
    static String iso(long epochMs) {
        return Instant.ofEpochMilli(epochMs).toString();
    }

    /** At most {@code max} characters, without splitting a surrogate pair. */
    static String truncate(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end);
    }

    /** A JSON object of the map's entries, sorted, values cut to {@code maxValue}; or null. */
    static ObjectNode strings(Map<String, String> map, int maxValue) {
        if (map == null) {
            return null;
        }
        ObjectNode node = MAPPER.createObjectNode();
        new TreeMap<>(map).forEach((k, v) -> node.put(k, truncate(v, maxValue)));
        return node;
    }

    /** Amount at risk per currency as a JSON object, sorted by currency. */
    static ObjectNode amounts(Map<String, Long> amounts) {
        ObjectNode node = MAPPER.createObjectNode();
        new TreeMap<>(amounts).forEach(node::put);
        return node;
    }

    /** Amount at risk per currency as text: {@code EUR 10, USD 1250} (minor units). */
    static String amountsText(Map<String, Long> amounts) {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(amounts)
                .forEach(
                        (c, a) ->
                                sb.append(sb.isEmpty() ? "" : ", ")
                                        .append(c)
                                        .append(' ')
                                        .append(a));
        return sb.toString();
    }

    /** The link template with the page's values filled in (URL-encoded), or null. */
    static String link(String template, PageEvent page) {
        if (template == null) {
            return null;
        }
        return template.replace("{page_key}", enc(page.getPageKey()))
                .replace("{rule_id}", enc(page.getRuleId()))
                .replace(
                        "{merchant_id}",
                        enc(page.getMerchantId() == null ? "none" : page.getMerchantId()));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
