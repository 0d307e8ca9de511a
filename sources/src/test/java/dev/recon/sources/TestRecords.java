package dev.recon.sources;

import dev.recon.model.avro.DeadLetter;
import dev.recon.model.avro.PaymentEvent;
import dev.recon.sources.internal.AvroRecordDeserializer;
import dev.recon.sources.internal.FieldChecks;
import dev.recon.sources.internal.RecordLayout;

import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.functions.util.ListCollector;
import org.apache.flink.types.Either;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Test fixtures: payments, their raw Avro bytes, Kafka records carrying bytes, decoding. */
final class TestRecords {
    static final String TOPIC = "payments";
    static final long TS = 1_700_000_000_000L;

    private TestRecords() {}

    /** A valid payment; tests change one field to make it invalid. */
    static PaymentEvent payment(String id, long amountMinor, String currency, long eventTime) {
        return PaymentEvent.newBuilder()
                .setPaymentId(id)
                .setMerchantId("m-1")
                .setPayerAccount("acct-1")
                .setAmountMinor(amountMinor)
                .setCurrency(currency)
                .setStatus("SUCCEEDED")
                .setEventTime(eventTime)
                .setSourceSystem("payment-core")
                .build();
    }

    /** Raw binary Avro of a record, without a schema header (as on the topics). */
    static byte[] avro(SpecificRecordBase record) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        try {
            new SpecificDatumWriter<SpecificRecordBase>(record.getSchema()).write(record, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A Kafka record of the payments topic with the given coordinates and value. */
    static ConsumerRecord<byte[], byte[]> kafkaRecord(
            int partition, long offset, long timestamp, byte[] value) {
        return new ConsumerRecord<>(
                TOPIC,
                partition,
                offset,
                timestamp,
                TimestampType.CREATE_TIME,
                -1,
                value == null ? -1 : value.length,
                null,
                value,
                new RecordHeaders(),
                Optional.empty());
    }

    /** A deserializer of payments with the built-in checks and the given extra validators. */
    @SafeVarargs
    static AvroRecordDeserializer<PaymentEvent> deserializer(
            RecordValidator<PaymentEvent>... extra) {
        return new AvroRecordDeserializer<>(
                "payments",
                PaymentEvent.class,
                new FieldChecks(
                        RecordLayout.of(PaymentEvent.class, "payment_id"),
                        RecordLimits.DEFAULT_MAX_AHEAD),
                RecordLimits.DEFAULT_MAX_RECORD_BYTES,
                List.of(extra));
    }

    /** Decodes a value read at partition 1, offset 42, time {@link #TS}; exactly one output. */
    static Either<DeadLetter, PaymentEvent> decode(
            AvroRecordDeserializer<PaymentEvent> deserializer, byte[] value) {
        List<Either<DeadLetter, PaymentEvent>> out = new ArrayList<>();
        deserializer.deserialize(kafkaRecord(1, 42L, TS, value), new ListCollector<>(out));
        assertThat(out).hasSize(1);
        return out.get(0);
    }

    /** Decodes a value that must be rejected, and returns its dead letter. */
    static DeadLetter reject(AvroRecordDeserializer<PaymentEvent> deserializer, byte[] value) {
        Either<DeadLetter, PaymentEvent> out = decode(deserializer, value);
        assertThat(out.isLeft()).as("rejected").isTrue();
        return out.left();
    }
}
