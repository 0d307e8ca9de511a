package dev.recon.sources;

import dev.recon.model.avro.DeadLetter;
import dev.recon.model.avro.PaymentEvent;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link ReconSourceBuilder#build()} says which setter is missing or wrong. */
class ReconSourceBuilderTest {

    @Test
    void requiresBootstrapServers() {
        assertFails(
                b -> b.setBootstrapServers(null),
                "bootstrap servers are required: setBootstrapServers(...)");
        assertFails(b -> b.setBootstrapServers(" "), "setBootstrapServers(...)");
    }

    @Test
    void requiresStreamNameTopicsAndGroup() {
        assertFails(b -> b.setStreamName(""), "stream name is required: setStreamName(...)");
        assertFails(b -> b.setTopics(), "topic is required: setTopics(...)");
        assertFails(b -> b.setTopics("payments", ""), "setTopics(...)");
        assertFails(b -> b.setGroupId(null), "group id is required: setGroupId(...)");
        assertFails(b -> b.setStartingOffsets(null), "setStartingOffsets(...)");
    }

    @Test
    void rejectsBadDurations() {
        assertFails(
                b -> b.setMaxOutOfOrderness(Duration.ofMillis(-1)), "setMaxOutOfOrderness(...)");
        assertFails(b -> b.setIdleTimeout(Duration.ZERO), "idle timeout must be > 0");
        assertFails(
                b -> b.setMaxEventTimeAhead(Duration.ofMillis(-1)),
                "max event-time lead must be >= 0: setMaxEventTimeAhead(...)");
        assertFails(
                b -> b.setMaxRecordBytes(0),
                "max record bytes must be > 0: setMaxRecordBytes(...)");
    }

    @Test
    void rejectsAKeyFieldTheSchemaLacks() {
        assertFails(
                b -> b.setKeyField("bill_id"),
                "PaymentEvent has no string field 'bill_id' for the key: setKeyField(...)");
        assertFails(b -> b.setKeyField("amount_minor"), "no string field 'amount_minor'");
    }

    @Test
    void rejectsARecordTypeWithoutEventTime() {
        assertThatThrownBy(
                        () ->
                                ReconSource.builder(DeadLetter.class)
                                        .setStreamName("dl")
                                        .setBootstrapServers("127.0.0.1:9092")
                                        .setTopics("dl")
                                        .setGroupId("g")
                                        .setKeyField("topic")
                                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("DeadLetter has no long field 'event_time' for event time");
    }

    /** A complete builder, so each test breaks exactly one setting. */
    static ReconSourceBuilder<PaymentEvent> complete() {
        return ReconSource.builder(PaymentEvent.class)
                .setStreamName("payments")
                .setBootstrapServers("127.0.0.1:9092")
                .setTopics("payments")
                .setGroupId("recon");
    }

    private static void assertFails(
            UnaryOperator<ReconSourceBuilder<PaymentEvent>> breakIt, String message) {
        assertThatThrownBy(() -> breakIt.apply(complete()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
