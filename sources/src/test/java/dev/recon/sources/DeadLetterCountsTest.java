package dev.recon.sources;

import dev.recon.model.avro.PaymentEvent;
import dev.recon.sources.internal.AvroRecordDeserializer;

import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.util.SimpleUserCodeClassLoader;
import org.apache.flink.util.UserCodeClassLoader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static dev.recon.sources.TestRecords.TS;
import static dev.recon.sources.TestRecords.avro;
import static dev.recon.sources.TestRecords.decode;
import static dev.recon.sources.TestRecords.payment;
import static org.assertj.core.api.Assertions.assertThat;

/** Dead letters are counted per reason kind, labelled with the stream. */
class DeadLetterCountsTest {
    private static final String PREFIX = "recon.stream=payments.reason=";

    @Test
    void eachKindHasItsOwnCounter() {
        RecordingMetricGroup metrics = new RecordingMetricGroup();
        AvroRecordDeserializer<PaymentEvent> d =
                TestRecords.deserializer(p -> "FAILED".equals(p.getStatus()) ? "no" : null);
        d.open(context(metrics));

        decode(d, "garbage".getBytes(StandardCharsets.UTF_8));
        decode(d, null);
        decode(d, avro(payment("p", -1, "USD", TS)));
        decode(d, avro(payment("p", Long.MAX_VALUE, "USD", TS)));
        decode(d, avro(payment("p", 5, "XXQ", TS)));
        decode(d, avro(payment("p", 5, "USD", 5L)));
        decode(d, avro(payment(" ", 5, "USD", TS)));
        decode(d, avro(payment("p".repeat(1_000), 5, "USD", TS)));
        PaymentEvent failed = payment("p", 5, "USD", TS);
        failed.setStatus("FAILED");
        decode(d, avro(failed));
        decode(d, avro(payment("p", 5, "USD", TS)));

        assertThat(metrics.count(PREFIX + "undecodable.deadLetters")).isEqualTo(1);
        assertThat(metrics.count(PREFIX + "null_value.deadLetters")).isEqualTo(1);
        assertThat(metrics.count(PREFIX + "amount_out_of_range.deadLetters")).isEqualTo(2);
        assertThat(metrics.count(PREFIX + "unknown_currency.deadLetters")).isEqualTo(1);
        assertThat(metrics.count(PREFIX + "event_time_out_of_range.deadLetters")).isEqualTo(1);
        assertThat(metrics.count(PREFIX + "blank_key.deadLetters")).isEqualTo(1);
        assertThat(metrics.count(PREFIX + "string_too_long.deadLetters")).isEqualTo(1);
        assertThat(metrics.count(PREFIX + "invalid_other.deadLetters")).isEqualTo(1);
        assertThat(metrics.counters).hasSize(8);
    }

    private static DeserializationSchema.InitializationContext context(MetricGroup group) {
        return new DeserializationSchema.InitializationContext() {
            @Override
            public MetricGroup getMetricGroup() {
                return group;
            }

            @Override
            public UserCodeClassLoader getUserCodeClassLoader() {
                return SimpleUserCodeClassLoader.create(getClass().getClassLoader());
            }
        };
    }
}
