package dev.recon.benchmarks.matcher;

import dev.recon.benchmarks.data.Pairs;
import dev.recon.job.operators.internal.MatchStateSerializer;
import dev.recon.model.avro.MatchPhase;
import dev.recon.model.avro.MatchState;
import dev.recon.model.avro.SeenBill;

import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.formats.avro.typeutils.AvroFactory;
import org.apache.flink.formats.avro.typeutils.AvroSerializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The matcher's state record written and read back once per operation: by the job's hand-coded
 * {@code MatchStateSerializer}, and by Flink's Avro serializer with Avro's schema-walking coders or
 * with the coders generated into {@code MatchState} (the job's serializer before the hand-coded
 * one). All three write the same bytes. A pending payment is what every event of a pair writes or
 * reads once in RocksDB.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 2,
        jvmArgsAppend = {"-Xmx1g", "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=dev.recon.model.avro"})
public class StateCodersBenchmark {
    /**
     * {@code handcoded}: the job's serializer; {@code generated} and {@code walking}: Flink's Avro
     * serializer with the generated coders or Avro's schema-walking ones.
     */
    @Param({"walking", "generated", "handcoded"})
    public String coders;

    private TypeSerializer<MatchState> serializer;
    private final DataOutputSerializer out = new DataOutputSerializer(512);
    private final DataInputDeserializer in = new DataInputDeserializer();
    private MatchState pending;

    /** Switches the coders of {@code MatchState}'s Avro model and builds a pending state. */
    @Setup(Level.Trial)
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void setUp() {
        Class type = MatchState.class;
        AvroFactory.getSpecificDataForClass(type, getClass().getClassLoader())
                .setCustomCoders(coders.equals("generated"));
        serializer =
                coders.equals("handcoded")
                        ? new MatchStateSerializer()
                        : new AvroSerializer<>(MatchState.class);
        var payment = Pairs.generate(1, 7).payment(0);
        ArrayList<SeenBill> seen = new ArrayList<>(2);
        pending =
                MatchState.newBuilder()
                        .setPhase(MatchPhase.AWAITING_BILL)
                        .setPayment(payment)
                        .setSeenBills(seen)
                        .setPaymentFingerprint(0x5eedL)
                        .setMerchantId(payment.getMerchantId())
                        .setCurrency(payment.getCurrency())
                        .setAmountMinor(payment.getAmountMinor())
                        .setTimer(1_700_000_005_000L)
                        .build();
    }

    /** Writes the pending state and reads it back, as a RocksDB update and lookup do. */
    @Benchmark
    public MatchState writeAndRead() throws Exception {
        out.clear();
        serializer.serialize(pending, out);
        in.setBuffer(out.getSharedBuffer(), 0, out.length());
        return serializer.deserialize(in);
    }
}
