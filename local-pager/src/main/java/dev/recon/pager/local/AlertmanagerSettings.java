package dev.recon.pager.local;

import java.time.Duration;
import java.util.Objects;

/**
 * How to run an {@link AlertmanagerProcess}.
 *
 * @param port the listen port, 0 for a free one
 * @param webhookUrl where notifications go
 * @param groupWait delay before a new group's first notification
 * @param groupInterval minimum gap between notifications about changes to a group
 */
public record AlertmanagerSettings(
        int port, String webhookUrl, Duration groupWait, Duration groupInterval) {

    /** Builds the settings of an {@link AlertmanagerProcess}. */
    public static final class Builder {
        private int port;
        private String webhookUrl;
        private Duration groupWait = Duration.ofSeconds(1);
        private Duration groupInterval = Duration.ofSeconds(2);

        /** The listen port on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder setPort(int port) {
            this.port = port;
            return this;
        }

        /** The webhook every notification is posted to (required). */
        public Builder setWebhookUrl(String webhookUrl) {
            this.webhookUrl = webhookUrl;
            return this;
        }

        /** group_wait (default 1 s). */
        public Builder setGroupWait(Duration groupWait) {
            this.groupWait = Objects.requireNonNull(groupWait, "groupWait");
            return this;
        }

        /** group_interval (default 2 s). */
        public Builder setGroupInterval(Duration groupInterval) {
            this.groupInterval = Objects.requireNonNull(groupInterval, "groupInterval");
            return this;
        }

        /** A process, not yet started: call {@link AlertmanagerProcess#start()}. */
        public AlertmanagerProcess build() {
            if (webhookUrl == null || webhookUrl.isBlank()) {
                throw new IllegalArgumentException(
                        "a webhook URL is required: setWebhookUrl(\"http://127.0.0.1:<port>/hook\")");
            }
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, was " + port);
            }
            return new AlertmanagerProcess(
                    new AlertmanagerSettings(port, webhookUrl, groupWait, groupInterval));
        }
    }
}
