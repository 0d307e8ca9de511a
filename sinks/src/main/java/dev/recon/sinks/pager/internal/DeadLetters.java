package dev.recon.sinks.pager.internal;

import dev.recon.model.avro.DeadLetter;
import dev.recon.model.avro.PageEvent;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Builds the dead letter of a page that could not be delivered, with the secret redacted. */
final class DeadLetters {
    static final int MAX_REASON = 2000;
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

    private final String stream;
    private final String topic;
    private final String secret;

    /** Dead letters of pager {@code name} at {@code url}; {@code secret} (or null) is redacted. */
    DeadLetters(String name, String url, String secret) {
        this.stream = "pager:" + name;
        this.topic = Urls.describe(url);
        this.secret = secret;
    }

    /** The dead letter, logged at WARN (with its redacted reason, never the body). */
    DeadLetter logged(PageEvent page, String reason, String redactedBody) {
        DeadLetter letter = of(page, reason, redactedBody);
        LOG.warn(
                "page {} ({}) not delivered: {}",
                page.getPageKey(),
                page.getAction(),
                letter.getReason());
        return letter;
    }

    DeadLetter of(PageEvent page, String reason, String redactedBody) {
        String body = redactedBody == null ? null : redact(redactedBody);
        return DeadLetter.newBuilder()
                .setStream(stream)
                .setTopic(topic)
                .setPartition(-1)
                .setOffset(-1)
                .setKafkaTimestamp(page.getEmittedAt())
                .setReason(PageJson.truncate(redact(reason), MAX_REASON))
                .setPayload(
                        body == null
                                ? null
                                : ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)))
                .setDetectedAt(System.currentTimeMillis())
                .build();
    }

    /** The text with every occurrence of the secret replaced by {@code ***}. */
    String redact(String text) {
        return secret == null || secret.isEmpty() || text == null
                ? text
                : text.replace(secret, "***");
    }
}
