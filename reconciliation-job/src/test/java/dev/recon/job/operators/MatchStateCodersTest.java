package dev.recon.job.operators;

import dev.recon.model.avro.MatchPhase;
import dev.recon.model.avro.MatchState;
import dev.recon.model.avro.SeenBill;

import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.formats.avro.typeutils.AvroSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.recon.job.testing.Records.bill;
import static dev.recon.job.testing.Records.payment;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated coders the matcher switches on for its state write the same bytes as Avro's
 * schema-walking ones, so checkpoints and savepoints stay readable either way.
 */
class MatchStateCodersTest {
    private static final ClassLoader CL = MatchStateCodersTest.class.getClassLoader();

    @AfterEach
    void restore() {
        MatchFunction.fastStateCoders(CL);
    }

    @Test
    void generatedCodersWriteAndReadTheSameBytesAsTheSchemaWalkingOnes() throws Exception {
        for (MatchState s : List.of(full(), settled())) {
            setCustomCoders(false);
            byte[] walking = write(s);
            setCustomCoders(true);
            byte[] generated = write(s);
            assertThat(generated).isEqualTo(walking);
            assertThat(read(walking)).isEqualTo(s);
            setCustomCoders(false);
            assertThat(read(generated)).isEqualTo(s);
        }
    }

    private static MatchState full() {
        List<SeenBill> seen = new ArrayList<>();
        seen.add(new SeenBill("b1", 42L));
        seen.add(new SeenBill("b2", -7L));
        return MatchState.newBuilder()
                .setPhase(MatchPhase.PAYMENT_MISSING)
                .setPayment(payment("p1", 1000))
                .setBill(bill("b1", "p1", 1003))
                .setSeenBills(seen)
                .setPaymentFingerprint(99L)
                .setMerchantId("m-1")
                .setCurrency("USD")
                .setAmountMinor(1000)
                .setTimer(123_456L)
                .setDueAt(120_000L)
                .build();
    }

    private static MatchState settled() {
        return MatchState.newBuilder()
                .setPhase(MatchPhase.SETTLED)
                .setSeenBills(new ArrayList<>())
                .build();
    }

    private static void setCustomCoders(boolean on) {
        MatchFunction.model(CL).setCustomCoders(on);
    }

    private static byte[] write(MatchState s) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(256);
        new AvroSerializer<>(MatchState.class).serialize(s, out);
        return out.getCopyOfBuffer();
    }

    private static MatchState read(byte[] bytes) throws Exception {
        return new AvroSerializer<>(MatchState.class).deserialize(new DataInputDeserializer(bytes));
    }
}
