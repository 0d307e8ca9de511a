package dev.recon.sinks;

import dev.recon.model.AlertJson;
import dev.recon.model.avro.Alert;
import dev.recon.model.avro.AlertAction;
import dev.recon.model.avro.DeadLetter;
import dev.recon.sinks.internal.AlertRecordSerializer;
import dev.recon.sinks.internal.DeadLetterRecordSerializer;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The Kafka records the two sinks write: topic, key, JSON value, timestamp. */
class RecordSerializersTest {

    @Test
    void alertIsKeyedByItsIdWithTheAlertJsonAsValue() {
        Alert alert = TestData.alert("a-1", AlertAction.TRIGGER);

        ProducerRecord<byte[], byte[]> r =
                new AlertRecordSerializer("alerts").serialize(alert, null, 5L);

        assertThat(r.topic()).isEqualTo("alerts");
        assertThat(r.partition()).as("partitioned by key").isNull();
        assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo("a-1");
        assertThat(r.value()).isEqualTo(AlertJson.toJson(alert));
        assertThat(AlertJson.fromJson(r.value())).isEqualTo(alert);
        assertThat(r.timestamp()).isEqualTo(alert.getDetectedAt());
    }

    @Test
    void deadLetterIsKeyedByItsCoordinatesWithDeadLetterJsonAsValue() {
        DeadLetter d = TestData.deadLetter(42, new byte[] {1, 2});

        ProducerRecord<byte[], byte[]> r =
                new DeadLetterRecordSerializer("dead-letters").serialize(d, null, 5L);

        assertThat(r.topic()).isEqualTo("dead-letters");
        assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo("payments/3/42");
        assertThat(DeadLetterJson.decode(r.value())).isEqualTo(d);
        assertThat(r.timestamp()).isEqualTo(d.getDetectedAt());
    }
}
