package dev.recon.sinks.pager.internal;

import java.net.URI;

/** URL helpers that keep credentials out of logs and dead letters. */
public final class Urls {
    private Urls() {}

    /** The URL without query, fragment and user info; the input when it does not parse. */
    public static String describe(String url) {
        try {
            URI u = URI.create(url);
            if (u.getHost() == null) {
                return "(unparseable URL)";
            }
            String port = u.getPort() < 0 ? "" : ":" + u.getPort();
            return u.getScheme()
                    + "://"
                    + u.getHost()
                    + port
                    + (u.getRawPath() == null ? "" : u.getRawPath());
        } catch (IllegalArgumentException e) {
            return "(unparseable URL)";
        }
    }

    /** The Alertmanager alerts endpoint under a base URL. */
    public static URI alertmanagerAlerts(String baseUrl) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return URI.create(base + "/api/v2/alerts");
    }
}
