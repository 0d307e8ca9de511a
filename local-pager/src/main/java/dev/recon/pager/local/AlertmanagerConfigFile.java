package dev.recon.pager.local;

import java.time.Duration;

/** Renders the alertmanager.yml of an {@link AlertmanagerProcess}: one route, one webhook. */
final class AlertmanagerConfigFile {
    private AlertmanagerConfigFile() {}

    /** The YAML text for this webhook URL and these group timings. */
    static String render(String webhookUrl, Duration groupWait, Duration groupInterval) {
        return String.join(
                "\n",
                "global:",
                "  resolve_timeout: 5m",
                "route:",
                "  receiver: recon-webhook",
                "  group_by: ['alertname', 'rule', 'merchant_id']",
                "  group_wait: " + goDuration(groupWait),
                "  group_interval: " + goDuration(groupInterval),
                "  repeat_interval: 1h",
                "receivers:",
                "  - name: recon-webhook",
                "    webhook_configs:",
                "      - url: '" + webhookUrl.replace("'", "''") + "'",
                "        send_resolved: true",
                "        max_alerts: 0",
                "");
    }

    /** A duration in Prometheus' notation, in milliseconds: {@code 1500ms}. */
    static String goDuration(Duration d) {
        return d.toMillis() + "ms";
    }
}
