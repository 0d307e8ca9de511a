package dev.recon.sinks.pager;

import dev.recon.sinks.pager.internal.SecretRef;
import dev.recon.sinks.pager.internal.Urls;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/** Builds a {@link PagerConfig}; {@link #build()} says what to set when something is missing. */
public final class PagerConfigBuilder {
    static final String PAGERDUTY_URL = "https://events.pagerduty.com/v2/enqueue";
    private static final String ROUTING_KEY =
            "PagerDuty routing key (the integration key of an Events API v2 integration)";
    private static final String TOKEN = "webhook bearer token";

    final PagerProtocol protocol;
    String name;
    String url;
    SecretRef secret;
    String source = "recon";
    String linkTemplate;
    Duration requestTimeout = Duration.ofSeconds(5);
    Duration initialBackoff = Duration.ofMillis(200);
    Duration maxBackoff = Duration.ofSeconds(5);
    Duration giveUpAfter = Duration.ofMinutes(10);
    int queueCapacity = 1000;
    Duration resendHorizon = Duration.ofMinutes(5);

    PagerConfigBuilder(PagerProtocol protocol) {
        this.protocol = protocol;
        this.url = protocol == PagerProtocol.PAGERDUTY ? PAGERDUTY_URL : null;
    }

    /** The pager's name (default: the protocol's, e.g. {@code pagerduty}). */
    public PagerConfigBuilder setName(String name) {
        this.name = name;
        return this;
    }

    /** The endpoint: PagerDuty enqueue URL, Alertmanager base URL, or the webhook URL. */
    public PagerConfigBuilder setUrl(String url) {
        this.url = url;
        return this;
    }

    /** PagerDuty: read the routing key from this environment variable. */
    public PagerConfigBuilder setRoutingKeyEnv(String variable) {
        return secret(PagerProtocol.PAGERDUTY, SecretRef.env(variable, ROUTING_KEY));
    }

    /** PagerDuty: read the routing key from this file. */
    public PagerConfigBuilder setRoutingKeyFile(Path file) {
        return secret(PagerProtocol.PAGERDUTY, SecretRef.file(file, ROUTING_KEY));
    }

    /** Webhook: send {@code Authorization: Bearer <token>} with the token in this variable. */
    public PagerConfigBuilder setTokenEnv(String variable) {
        return secret(PagerProtocol.WEBHOOK, SecretRef.env(variable, TOKEN));
    }

    /** Webhook: send {@code Authorization: Bearer <token>} with the token in this file. */
    public PagerConfigBuilder setTokenFile(Path file) {
        return secret(PagerProtocol.WEBHOOK, SecretRef.file(file, TOKEN));
    }

    /** PagerDuty {@code payload.source} (default {@code recon}). */
    public PagerConfigBuilder setSource(String source) {
        this.source = source;
        return this;
    }

    /** A link to the page, with {page_key}, {rule_id} and {merchant_id} placeholders. */
    public PagerConfigBuilder setLinkTemplate(String linkTemplate) {
        this.linkTemplate = linkTemplate;
        return this;
    }

    /** Timeout of one HTTP request (default 5 s). */
    public PagerConfigBuilder setRequestTimeout(Duration d) {
        this.requestTimeout = d;
        return this;
    }

    /** First retry delay (default 200 ms); doubles per attempt, with jitter. */
    public PagerConfigBuilder setInitialBackoff(Duration d) {
        this.initialBackoff = d;
        return this;
    }

    /** Largest retry delay (default 5 s). */
    public PagerConfigBuilder setMaxBackoff(Duration d) {
        this.maxBackoff = d;
        return this;
    }

    /** How long a page is retried before it becomes a dead letter (default 10 min). */
    public PagerConfigBuilder setGiveUpAfter(Duration d) {
        this.giveUpAfter = d;
        return this;
    }

    /** How many pages may wait for delivery (default 1000); more back-pressure the job. */
    public PagerConfigBuilder setQueueCapacity(int capacity) {
        this.queueCapacity = capacity;
        return this;
    }

    /** Alertmanager: firing alerts end at now plus this unless re-sent (default 5 min). */
    public PagerConfigBuilder setResendHorizon(Duration d) {
        this.resendHorizon = d;
        return this;
    }

    /**
     * Checks the settings and that the secret is present (read here only to check it).
     *
     * @throws IllegalArgumentException if a setting is missing or invalid, naming the setter
     * @throws IllegalStateException if the secret's variable or file is missing or empty
     */
    public PagerConfig build() {
        checkUrl();
        if (protocol == PagerProtocol.PAGERDUTY && secret == null) {
            throw new IllegalArgumentException(
                    "PagerDuty needs a routing key: setRoutingKeyEnv(\"PAGERDUTY_ROUTING_KEY\") or setRoutingKeyFile(path)");
        }
        if (secret != null) {
            secret.read();
        }
        checkPositive(requestTimeout, "setRequestTimeout");
        checkPositive(initialBackoff, "setInitialBackoff");
        checkPositive(maxBackoff, "setMaxBackoff");
        checkPositive(giveUpAfter, "setGiveUpAfter");
        checkPositive(resendHorizon, "setResendHorizon");
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException(
                    "setMaxBackoff(..) must be at least setInitialBackoff(..)");
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException(
                    "setQueueCapacity(..) must be at least 1, was " + queueCapacity);
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("setSource(..) must not be empty");
        }
        return new PagerConfig(this);
    }

    private PagerConfigBuilder secret(PagerProtocol owner, SecretRef ref) {
        if (protocol != owner) {
            throw new IllegalArgumentException(
                    (owner == PagerProtocol.PAGERDUTY ? "a routing key" : "a bearer token")
                            + " applies to "
                            + owner.id()
                            + " pagers only, not "
                            + protocol.id());
        }
        this.secret = ref;
        return this;
    }

    private void checkUrl() {
        String example =
                protocol == PagerProtocol.ALERTMANAGER
                        ? "http://127.0.0.1:9093"
                        : "https://hooks.example/recon";
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException(
                    "a " + protocol.id() + " pager needs a URL: setUrl(\"" + example + "\")");
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("setUrl(..): not a URL: " + Urls.describe(url), e);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
                || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "setUrl(..) needs an http(s) URL with a host, e.g. "
                            + example
                            + "; was "
                            + Urls.describe(url));
        }
    }

    private static void checkPositive(Duration d, String setter) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(
                    setter + "(..) must be a positive duration, was " + d);
        }
    }
}
