package dev.recon.job.operators.internal;

import dev.recon.model.avro.MatchPhase;
import dev.recon.model.avro.MatchState;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.Collector;
import org.apache.flink.util.StateMigrationException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.recon.job.testing.Records.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A checkpoint of the matcher's state taken with Flink's Avro serializer (every release before the
 * hand-coded one) restores under the hand-coded serializer in RocksDB; the other way is refused.
 */
class MatchStateRestoreTest {
    private static final ValueStateDescriptor<MatchState> BY_AVRO =
            new ValueStateDescriptor<>("match-state", new AvroTypeInfo<>(MatchState.class));
    private static final ValueStateDescriptor<MatchState> BY_HAND =
            new ValueStateDescriptor<>("match-state", new MatchStateSerializer());

    @Test
    void stateWrittenByTheAvroSerializerIsReadByTheHandCodedOne() throws Exception {
        assertThat(readBack(BY_AVRO, BY_HAND)).containsExactly("p-1:AWAITING_BILL:1000:7");
    }

    @Test
    void aReleaseBeforeTheHandCodedSerializerRefusesItsCheckpointsInsteadOfMisreadingThem() {
        // rolling back to such a release needs a savepoint taken before the upgrade
        assertThatThrownBy(() -> readBack(BY_HAND, BY_AVRO))
                .hasRootCauseInstanceOf(StateMigrationException.class)
                .rootCause()
                .hasMessageContaining("must not be incompatible");
    }

    private static List<String> readBack(
            ValueStateDescriptor<MatchState> writer, ValueStateDescriptor<MatchState> reader)
            throws Exception {
        OperatorSubtaskState snapshot;
        try (var h = harness(writer, null)) {
            h.processElement("put:p-1", 1);
            snapshot = h.snapshot(1, 1);
        }
        try (var h = harness(reader, snapshot)) {
            h.processElement("get:p-1", 2);
            List<String> out = new ArrayList<>();
            h.extractOutputValues().forEach(out::add);
            return out;
        }
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, String, String> harness(
            ValueStateDescriptor<MatchState> d, OperatorSubtaskState restore) throws Exception {
        var h =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new PutOrGet(d)),
                        (String s) -> s.substring(4),
                        Types.STRING);
        h.setStateBackend(new EmbeddedRocksDBStateBackend());
        h.setup();
        if (restore != null) {
            h.initializeState(restore);
        }
        h.open();
        return h;
    }

    /** {@code put:<id>} stores a pending state for the key, {@code get:<id>} emits it. */
    private static final class PutOrGet extends KeyedProcessFunction<String, String, String> {
        private final ValueStateDescriptor<MatchState> descriptor;
        private transient ValueState<MatchState> state;

        PutOrGet(ValueStateDescriptor<MatchState> descriptor) {
            this.descriptor = descriptor;
        }

        @Override
        public void open(OpenContext ctx) {
            state = getRuntimeContext().getState(descriptor);
        }

        @Override
        public void processElement(String in, Context ctx, Collector<String> out) throws Exception {
            String id = ctx.getCurrentKey();
            if (in.startsWith("put:")) {
                state.update(
                        new MatchState(
                                MatchPhase.AWAITING_BILL,
                                payment(id, 1000),
                                null,
                                new ArrayList<>(),
                                7L,
                                "m-1",
                                "USD",
                                1000L,
                                5L,
                                -1L,
                                -1L));
                return;
            }
            MatchState s = state.value();
            out.collect(
                    s.getPayment().getPaymentId()
                            + ":"
                            + s.getPhase()
                            + ":"
                            + s.getAmountMinor()
                            + ":"
                            + s.getPaymentFingerprint());
        }
    }
}
