package dev.recon.job.operators.internal;

import dev.recon.model.avro.BillEvent;
import dev.recon.model.avro.PaymentEvent;

import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.java.typeutils.EitherTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.types.Either;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static dev.recon.job.testing.Records.bill;
import static dev.recon.job.testing.Records.payment;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The matcher's input serializer writes the bytes of Flink's Either-of-Avro serializer (records in
 * flight in an unaligned checkpoint read back either way) and reads them back.
 */
class InputEventSerializerTest {
    private final TypeSerializer<Either<PaymentEvent, BillEvent>> fast =
            new InputEventTypeInfo().createSerializer(new SerializerConfigImpl());
    private final TypeSerializer<Either<PaymentEvent, BillEvent>> flink =
            new EitherTypeInfo<>(
                            new AvroTypeInfo<>(PaymentEvent.class),
                            new AvroTypeInfo<>(BillEvent.class))
                    .createSerializer(new SerializerConfigImpl());

    @Test
    void writesTheBytesOfFlinksEitherOfAvroSerializerAndReadsThemBack() throws Exception {
        PaymentEvent unicode = payment("p-ü", -5);
        unicode.setMerchantId("商户");
        BillEvent b = bill("b-1", "p-1", Long.MAX_VALUE);
        b.setSourceSystem("");
        List<Either<PaymentEvent, BillEvent>> records =
                List.of(Either.Left(payment("p-1", 1000)), Either.Left(unicode), Either.Right(b));
        for (Either<PaymentEvent, BillEvent> e : records) {
            byte[] bytes = write(fast, e);
            assertThat(bytes).as(e.toString()).isEqualTo(write(flink, e));
            assertThat(fast.deserialize(new DataInputDeserializer(bytes))).isEqualTo(e);
            assertThat(flink.deserialize(new DataInputDeserializer(bytes))).isEqualTo(e);
            assertThat(fast.copy(e)).isEqualTo(e).isNotSameAs(e);
        }
    }

    @Test
    void itsSnapshotRestoresItAsIs() throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, fast.snapshotConfiguration());
        TypeSerializerSnapshot<Either<PaymentEvent, BillEvent>> restored =
                TypeSerializerSnapshot.readVersionedSnapshot(
                        new DataInputDeserializer(out.getCopyOfBuffer()),
                        getClass().getClassLoader());
        assertThat(fast.snapshotConfiguration().resolveSchemaCompatibility(restored))
                .matches(c -> c.isCompatibleAsIs());
        assertThat(restored.restoreSerializer()).isEqualTo(fast);
    }

    private static byte[] write(
            TypeSerializer<Either<PaymentEvent, BillEvent>> s, Either<PaymentEvent, BillEvent> e)
            throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(128);
        s.serialize(e, out);
        return out.getCopyOfBuffer();
    }
}
