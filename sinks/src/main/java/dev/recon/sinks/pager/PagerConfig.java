package dev.recon.sinks.pager;

import dev.recon.sinks.pager.internal.SecretRef;
import dev.recon.sinks.pager.internal.Urls;

import java.io.Serializable;
import java.time.Duration;

/**
 * How to deliver pages to one pager: protocol, endpoint, where the secret is, and the retry policy.
 * Immutable and serializable; holds the name of the secret's environment variable or file, never
 * the secret itself.
 *
 * <pre>{@code
 * PagerConfig pd = PagerConfig.pagerDuty().setRoutingKeyEnv("PAGERDUTY_ROUTING_KEY").build();
 * PagerConfig am = PagerConfig.alertmanager().setUrl("http://127.0.0.1:9093").build();
 * PagerConfig hook = PagerConfig.webhook().setUrl("https://chat.example/hook").build();
 * }</pre>
 */
public final class PagerConfig implements Serializable {
    private static final long serialVersionUID = 1L;

    final PagerProtocol protocol;
    final String name;
    final String url;
    final SecretRef secret;
    final String source;
    final String linkTemplate;
    final Duration requestTimeout;
    final Duration initialBackoff;
    final Duration maxBackoff;
    final Duration giveUpAfter;
    final int queueCapacity;
    final Duration resendHorizon;

    PagerConfig(PagerConfigBuilder b) {
        this.protocol = b.protocol;
        this.name = b.name != null ? b.name : b.protocol.id();
        this.url = b.url;
        this.secret = b.secret;
        this.source = b.source;
        this.linkTemplate = b.linkTemplate;
        this.requestTimeout = b.requestTimeout;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.giveUpAfter = b.giveUpAfter;
        this.queueCapacity = b.queueCapacity;
        this.resendHorizon = b.resendHorizon;
    }

    /** A PagerDuty Events API v2 pager; needs a routing key. */
    public static PagerConfigBuilder pagerDuty() {
        return new PagerConfigBuilder(PagerProtocol.PAGERDUTY);
    }

    /** A Prometheus Alertmanager; needs its base URL. */
    public static PagerConfigBuilder alertmanager() {
        return new PagerConfigBuilder(PagerProtocol.ALERTMANAGER);
    }

    /** A plain JSON webhook; needs its URL. */
    public static PagerConfigBuilder webhook() {
        return new PagerConfigBuilder(PagerProtocol.WEBHOOK);
    }

    public PagerProtocol protocol() {
        return protocol;
    }

    /** The pager's name, used in the operator uid, metrics and dead letters. */
    public String name() {
        return name;
    }

    /** The endpoint requests go to (for Alertmanager: the base URL). */
    public String url() {
        return url;
    }

    /** Where the routing key (PagerDuty) or bearer token (webhook) is; null when none. */
    public SecretRef secret() {
        return secret;
    }

    /** PagerDuty {@code payload.source}. */
    public String source() {
        return source;
    }

    /** Link URL with {page_key}, {rule_id} and {merchant_id} placeholders, or null. */
    public String linkTemplate() {
        return linkTemplate;
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }

    public Duration initialBackoff() {
        return initialBackoff;
    }

    public Duration maxBackoff() {
        return maxBackoff;
    }

    /** How long after it was accepted a page is retried before it becomes a dead letter. */
    public Duration giveUpAfter() {
        return giveUpAfter;
    }

    /** How many pages may wait in the delivery operator. */
    public int queueCapacity() {
        return queueCapacity;
    }

    /** Alertmanager: a firing alert's endsAt is now plus this. */
    public Duration resendHorizon() {
        return resendHorizon;
    }

    /** The settings, with where the secret is but never the secret. */
    @Override
    public String toString() {
        return "PagerConfig{"
                + protocol.id()
                + " name="
                + name
                + " url="
                + Urls.describe(url)
                + (secret != null ? " secret=" + secret : "")
                + " requestTimeout="
                + requestTimeout
                + " backoff="
                + initialBackoff
                + ".."
                + maxBackoff
                + " giveUpAfter="
                + giveUpAfter
                + " queueCapacity="
                + queueCapacity
                + "}";
    }
}
