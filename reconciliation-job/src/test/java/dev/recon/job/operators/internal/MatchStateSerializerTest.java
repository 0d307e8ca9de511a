package dev.recon.job.operators.internal;

import dev.recon.model.avro.BillEvent;
import dev.recon.model.avro.MatchPhase;
import dev.recon.model.avro.MatchState;
import dev.recon.model.avro.PaymentEvent;
import dev.recon.model.avro.SeenBill;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.formats.avro.typeutils.AvroSerializer;
import org.apache.flink.formats.avro.utils.DataOutputEncoder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static dev.recon.job.testing.Records.bill;
import static dev.recon.job.testing.Records.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The hand-coded state serializer writes the bytes Flink's Avro serializer writes, reads them both
 * ways, and says which earlier state it can restore.
 */
class MatchStateSerializerTest {
    private final MatchStateSerializer fast = new MatchStateSerializer();
    private final AvroSerializer<MatchState> avro = new AvroSerializer<>(MatchState.class);

    @Test
    void writesTheBytesOfFlinksAvroSerializerAndReadsThemBack() throws Exception {
        for (MatchState s : states()) {
            byte[] bytes = write(fast, s);
            assertThat(bytes).as(s.toString()).isEqualTo(write(avro, s));
            assertThat(read(fast, bytes)).isEqualTo(s);
            assertThat(read(avro, bytes)).isEqualTo(s);
        }
    }

    @Test
    void aCorruptRecordIsAnErrorNotAWrongState() throws Exception {
        byte[] bytes = write(fast, pending());
        bytes[3] = 9; // the phase: past the enum's last symbol
        assertThatThrownBy(() -> read(fast, bytes))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("match phase 9");
    }

    @Test
    void restoresItsOwnAndTheAvroSerializersStateAsIs() throws Exception {
        var own = roundTrip(fast.snapshotConfiguration());
        assertThat(fast.snapshotConfiguration().resolveSchemaCompatibility(own).isCompatibleAsIs())
                .isTrue();
        assertThat(own.restoreSerializer()).isEqualTo(fast);
        var before = roundTrip(avro.snapshotConfiguration());
        assertThat(
                        fast.snapshotConfiguration()
                                .resolveSchemaCompatibility(before)
                                .isCompatibleAsIs())
                .as("checkpoints taken with AvroSerializer")
                .isTrue();
    }

    @Test
    void stateOfAnOlderSchemaIsMigratedWithTheNewFieldsDefaults() throws Exception {
        Schema older = olderSchema();
        MatchStateSerializerSnapshot snap = snapshotOf(older);
        TypeSerializerSchemaCompatibility<MatchState> c =
                fast.snapshotConfiguration().resolveSchemaCompatibility(snap);
        assertThat(c.isCompatibleAfterMigration()).isTrue();

        GenericRecord r = new GenericData.Record(older);
        r.put("phase", new GenericData.EnumSymbol(older.getField("phase").schema(), "SETTLED"));
        r.put("seen_bills", new GenericData.Array<>(0, older.getField("seen_bills").schema()));
        r.put("payment_fingerprint", 7L);
        r.put("amount_minor", 1200L);
        r.put("timer", 99L);
        MatchState s = read(snap.restoreSerializer(), writeGeneric(older, r));
        assertThat(s.getPhase()).isEqualTo(MatchPhase.SETTLED);
        assertThat(s.getPaymentFingerprint()).isEqualTo(7L);
        assertThat(s.getTimer()).isEqualTo(99L);
        assertThat(s.getDueAt()).as("default of a field the older schema lacks").isEqualTo(-1L);
        assertThat(s.getForgetAt()).isEqualTo(-1L);
    }

    @Test
    void anIncompatibleOlderSchemaIsRefused() throws Exception {
        Schema other =
                SchemaBuilder.record("MatchState")
                        .namespace("dev.recon.model.avro")
                        .fields()
                        .requiredString("phase")
                        .endRecord();
        var c = fast.snapshotConfiguration().resolveSchemaCompatibility(snapshotOf(other));
        assertThat(c.isIncompatible()).isTrue();
    }

    private static List<MatchState> states() {
        List<SeenBill> many = new ArrayList<>();
        for (int i = 0; i < 200; i++) { // a count of two varint bytes
            many.add(new SeenBill("b-" + i, (long) i * 31 - 100));
        }
        PaymentEvent unicode = payment("p-ü", 5);
        unicode.setMerchantId("商户-7");
        unicode.setPayerAccount("");
        BillEvent b = bill("b1", "p1", Long.MIN_VALUE);
        b.setEventTime(Long.MAX_VALUE);
        return List.of(
                pending(),
                new MatchState(
                        MatchPhase.PAYMENT_MISSING,
                        unicode,
                        b,
                        many,
                        -7L,
                        "m",
                        "€",
                        -1L,
                        3L,
                        4L,
                        5L),
                new MatchState(
                        MatchPhase.SETTLED,
                        null,
                        null,
                        new ArrayList<>(),
                        0L,
                        null,
                        null,
                        0L,
                        -1L,
                        -1L,
                        123L));
    }

    private static MatchState pending() {
        List<SeenBill> seen = new ArrayList<>(List.of(new SeenBill("b1", 42L)));
        return new MatchState(
                MatchPhase.AWAITING_BILL,
                payment("p1", 1000),
                null,
                seen,
                99L,
                "m-1",
                "USD",
                1000L,
                123_456L,
                -1L,
                -1L);
    }

    private static Schema olderSchema() {
        Schema current = MatchState.getClassSchema();
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field f : current.getFields()) {
            if (!f.name().equals("due_at") && !f.name().equals("forget_at")) {
                fields.add(new Schema.Field(f, f.schema()));
            }
        }
        return Schema.createRecord(
                current.getName(), current.getDoc(), current.getNamespace(), false, fields);
    }

    private static MatchStateSerializerSnapshot snapshotOf(Schema writer) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(4096);
        byte[] json = writer.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(json.length);
        out.write(json);
        MatchStateSerializerSnapshot s = new MatchStateSerializerSnapshot();
        s.readSnapshot(1, new DataInputDeserializer(out.getCopyOfBuffer()), loader());
        return s;
    }

    private static <T> TypeSerializerSnapshot<T> roundTrip(TypeSerializerSnapshot<T> s)
            throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(4096);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, s);
        return TypeSerializerSnapshot.readVersionedSnapshot(
                new DataInputDeserializer(out.getCopyOfBuffer()), loader());
    }

    private static byte[] writeGeneric(Schema schema, GenericRecord r) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        DataOutputEncoder enc = new DataOutputEncoder();
        enc.setOut(out);
        new GenericDatumWriter<GenericRecord>(schema).write(r, enc);
        return out.getCopyOfBuffer();
    }

    private static byte[] write(
            org.apache.flink.api.common.typeutils.TypeSerializer<MatchState> s, MatchState v)
            throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        s.serialize(v, out);
        return out.getCopyOfBuffer();
    }

    private static MatchState read(
            org.apache.flink.api.common.typeutils.TypeSerializer<MatchState> s, byte[] bytes)
            throws IOException {
        return s.deserialize(new DataInputDeserializer(bytes));
    }

    private static ClassLoader loader() {
        return MatchStateSerializerTest.class.getClassLoader();
    }
}
