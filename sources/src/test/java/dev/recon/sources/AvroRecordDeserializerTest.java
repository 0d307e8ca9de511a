package dev.recon.sources;

import dev.recon.model.avro.DeadLetter;
import dev.recon.model.avro.PaymentEvent;
import dev.recon.sources.internal.AvroRecordDeserializer;

import org.apache.flink.api.java.typeutils.EitherTypeInfo;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Arrays;

import static dev.recon.sources.TestRecords.TS;
import static dev.recon.sources.TestRecords.avro;
import static dev.recon.sources.TestRecords.decode;
import static dev.recon.sources.TestRecords.payment;
import static dev.recon.sources.TestRecords.reject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Decoding of good and undecodable Kafka values into accepted records or dead letters. */
class AvroRecordDeserializerTest {
    private final AvroRecordDeserializer<PaymentEvent> deserializer = TestRecords.deserializer();

    @Test
    void decodesGoodRecordsInARowReusingTheDecoder() {
        for (int i = 0; i < 3; i++) {
            PaymentEvent p = payment("p-" + i, 1250 + i, "EUR", TS + i);
            assertThat(decode(deserializer, avro(p)).right()).isEqualTo(p);
        }
    }

    @Test
    void garbageBecomesADeadLetterWithCoordinatesAndPayload() {
        byte[] garbage = {(byte) 0xff, 0x13, 0x37, (byte) 0x80, 0x01, 0x02};

        DeadLetter dl = reject(deserializer, garbage);

        assertThat(dl.getReason())
                .startsWith(DeadLetterReasons.UNDECODABLE + ": not a PaymentEvent");
        assertThat(dl.getStream()).isEqualTo("payments");
        assertThat(dl.getTopic()).isEqualTo(TestRecords.TOPIC);
        assertThat(dl.getPartition()).isEqualTo(1);
        assertThat(dl.getOffset()).isEqualTo(42L);
        assertThat(dl.getKafkaTimestamp()).isEqualTo(TS);
        assertThat(dl.getPayload()).isEqualTo(ByteBuffer.wrap(garbage));
        assertThat(dl.getDetectedAt()).isCloseTo(System.currentTimeMillis(), within(60_000L));
    }

    @Test
    void truncatedRecordIsUndecodable() {
        byte[] full = avro(payment("p-1", 1250, "USD", TS));
        byte[] truncated = Arrays.copyOf(full, full.length - 5);

        DeadLetter dl = reject(deserializer, truncated);

        assertThat(dl.getReason()).startsWith(DeadLetterReasons.UNDECODABLE).contains("EOF");
        assertThat(dl.getPayload()).isEqualTo(ByteBuffer.wrap(truncated));
    }

    @Test
    void nullValueIsADeadLetterWithoutPayload() {
        DeadLetter dl = reject(deserializer, null);

        assertThat(dl.getReason()).isEqualTo(DeadLetterReasons.NULL_VALUE + ": tombstone");
        assertThat(dl.getPayload()).isNull();
        assertThat(dl.getOffset()).isEqualTo(42L);
    }

    @Test
    void emptyValueIsUndecodable() {
        assertThat(reject(deserializer, new byte[0]).getReason())
                .startsWith(DeadLetterReasons.UNDECODABLE);
    }

    @Test
    void recordOfAnotherSchemaIsRejected() {
        DeadLetter other =
                DeadLetter.newBuilder()
                        .setStream("s")
                        .setTopic("t")
                        .setPartition(3)
                        .setOffset(123_456_789L)
                        .setKafkaTimestamp(TS)
                        .setReason("r")
                        .setPayload(ByteBuffer.wrap(new byte[] {1, 2, 3}))
                        .setDetectedAt(TS)
                        .build();

        assertThat(reject(deserializer, avro(other)).getReason())
                .startsWith(DeadLetterReasons.UNDECODABLE + ": not a PaymentEvent")
                .contains("Cannot read strings longer than");
    }

    @Test
    void trailingBytesAfterAGoodRecordAreRejected() {
        byte[] good = avro(payment("p-1", 1250, "USD", TS));

        assertThat(reject(deserializer, Arrays.copyOf(good, good.length + 3)).getReason())
                .startsWith(DeadLetterReasons.TRAILING_BYTES + ": PaymentEvent");
    }

    @Test
    void producedTypeIsEitherOfTwoAvroTypes() {
        assertThat(deserializer.getProducedType())
                .isEqualTo(
                        new EitherTypeInfo<>(
                                new AvroTypeInfo<>(DeadLetter.class),
                                new AvroTypeInfo<>(PaymentEvent.class)));
    }
}
