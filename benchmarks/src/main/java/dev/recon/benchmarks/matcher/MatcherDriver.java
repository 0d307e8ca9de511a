package dev.recon.benchmarks.matcher;

import dev.recon.benchmarks.data.GeneratedRules;
import dev.recon.benchmarks.data.Pairs;
import dev.recon.job.operators.MatchFunction;
import dev.recon.job.rules.BundleRuleSetProvider;
import dev.recon.model.avro.Alert;
import dev.recon.model.avro.AlertAction;
import dev.recon.model.avro.BillEvent;
import dev.recon.model.avro.PaymentEvent;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.event.WatermarkEvent;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.api.operators.Output;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.LatencyMarker;
import org.apache.flink.streaming.runtime.streamrecord.RecordAttributes;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.types.Either;
import org.apache.flink.util.OutputTag;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Drives the job's {@link MatchFunction} in Flink's {@link KeyedBroadcastOperatorTestHarness} (heap
 * state backend, test processing-time service), started from a generated rule bundle exactly as the
 * job starts from {@code --rules}: {@link BundleRuleSetProvider} compiles the bundle JSON in {@code
 * open()}.
 *
 * <p>One {@link #runBatch()} is the whole life of every key of the batch: each pair's payment, then
 * its bill (the rules run on the match, alerts are built for breaks), then processing time jumps
 * past the retention period so every key's retention timer fires and its state is cleared. The next
 * batch reuses the same payment ids on empty state. Alerts go to a counting output (no copies, no
 * queue), so memory stays flat however long JMH runs.
 */
public final class MatcherDriver implements AutoCloseable {
    private final KeyedBroadcastOperatorTestHarness<
                    String, Either<PaymentEvent, BillEvent>, String, Alert>
            harness;
    private final StreamRecord<Either<PaymentEvent, BillEvent>>[] payments;
    private final StreamRecord<Either<PaymentEvent, BillEvent>>[] bills;
    private final CountingOutput out = new CountingOutput();
    private long now;

    /** The keyed state backend the matcher runs on. */
    public enum Backend {
        /** Objects on the heap ({@code HashMapStateBackend}): the matcher's own cost. */
        HEAP,
        /** RocksDB, as the job runs ({@code ReconciliationMain}): state is serialized. */
        ROCKSDB
    }

    /** Opens the matcher on the heap state backend. */
    public MatcherDriver(GeneratedRules rules, Pairs pairs) throws Exception {
        this(rules, pairs, Backend.HEAP);
    }

    /** Opens the matcher on the generated rules; {@code pairs} are fed by every batch. */
    @SuppressWarnings("unchecked")
    public MatcherDriver(GeneratedRules rules, Pairs pairs, Backend backend) throws Exception {
        MatchFunction fn = new MatchFunction(new BundleRuleSetProvider(rules.bundleJson()));
        harness =
                new KeyedBroadcastOperatorTestHarness<>(
                        new CoBroadcastWithKeyedOperator<>(fn, List.of(MatchFunction.RULES)),
                        MatchFunction::keyOf,
                        Types.STRING,
                        128,
                        1,
                        0);
        if (backend == Backend.ROCKSDB) {
            harness.setStateBackend(new EmbeddedRocksDBStateBackend());
        }
        harness.setOutputCreator(serializer -> out);
        harness.setProcessingTime(0);
        harness.open();
        int n = pairs.size();
        payments = new StreamRecord[n];
        bills = new StreamRecord[n];
        for (int k = 0; k < n; k++) {
            PaymentEvent p = pairs.payment(k);
            BillEvent b = pairs.bill(k);
            payments[k] = new StreamRecord<>(Either.Left(p), p.getEventTime());
            bills[k] = new StreamRecord<>(Either.Right(b), b.getEventTime());
        }
    }

    /**
     * Feeds every pair (payment, then bill) and lets every key expire; returns the number of alerts
     * the batch raised.
     */
    public long runBatch() throws Exception {
        long before = out.alerts;
        for (int k = 0; k < payments.length; k++) {
            harness.processElement(payments[k]);
            harness.processElement(bills[k]);
        }
        now += GeneratedRules.RETENTION_MS + 1;
        harness.setProcessingTime(now);
        return out.alerts - before;
    }

    /** Alerts raised so far. */
    public long alerts() {
        return out.alerts;
    }

    /** Alerts raised so far by each rule id (TRIGGER actions only). */
    public Map<String, Long> triggersByRule() {
        return Map.copyOf(out.triggers);
    }

    /** Keyed state entries left (zero after every batch). */
    public int keyedStateEntries() throws Exception {
        var backend = harness.getOperator().getKeyedStateBackend();
        if (backend instanceof HeapKeyedStateBackend<?> heap) {
            return heap.numKeyValueStateEntries();
        }
        try (var keys = backend.getKeys(MatchFunction.STATE.getName(), VoidNamespace.INSTANCE)) {
            return (int) keys.count();
        }
    }

    /** Processing-time timers left (zero after every batch). */
    public int timers() {
        return harness.numProcessingTimeTimers();
    }

    @Override
    public void close() throws Exception {
        harness.close();
    }

    /** Counts alerts instead of queueing copies of them. */
    private static final class CountingOutput implements Output<StreamRecord<Alert>> {
        private final Map<String, Long> triggers = new HashMap<>();
        private long alerts;

        @Override
        public void collect(StreamRecord<Alert> record) {
            alerts++;
            Alert a = record.getValue();
            if (a.getAction() == AlertAction.TRIGGER) {
                triggers.merge(a.getRuleId(), 1L, Long::sum);
            }
        }

        @Override
        public <X> void collect(OutputTag<X> outputTag, StreamRecord<X> record) {}

        @Override
        public void emitWatermark(Watermark mark) {}

        @Override
        public void emitWatermarkStatus(WatermarkStatus watermarkStatus) {}

        @Override
        public void emitLatencyMarker(LatencyMarker latencyMarker) {}

        @Override
        public void emitRecordAttributes(RecordAttributes recordAttributes) {}

        @Override
        public void emitWatermark(WatermarkEvent watermark) {}

        @Override
        public void close() {}
    }
}
