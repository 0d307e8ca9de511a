package dev.recon.job.paging;

import dev.recon.model.avro.PageAction;
import dev.recon.model.avro.PageEvent;

import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Holds each RESOLVE back until a checkpoint that contains the resolution has completed, and lets
 * everything else through at once. A restore can then never replay the TRIGGER of an episode whose
 * RESOLVE was already sent, which at PagerDuty would open a second incident for the same key.
 */
public final class ResolveGateOperator extends AbstractStreamOperator<PageEvent>
        implements OneInputStreamOperator<PageEvent, PageEvent> {
    private static final long serialVersionUID = 1L;

    /** Stable uid of the operator. */
    public static final String UID = "page-resolve-gate";

    /** Resolves not yet released, in operator state (explicit Avro serializer). */
    static final ListStateDescriptor<PageEvent> PENDING =
            new ListStateDescriptor<>("pending-resolves", new AvroTypeInfo<>(PageEvent.class));

    private final boolean gate;
    private transient List<PageEvent> sinceLastCheckpoint;
    private transient TreeMap<Long, List<PageEvent>> byCheckpoint;
    private transient ListState<PageEvent> pending;
    private transient List<PageEvent> restored;

    /**
     * Creates the gate.
     *
     * @param gate false when checkpointing is off: resolves then pass at once
     */
    public ResolveGateOperator(boolean gate) {
        this.gate = gate;
    }

    @Override
    public void initializeState(StateInitializationContext ctx) throws Exception {
        super.initializeState(ctx);
        sinceLastCheckpoint = new ArrayList<>();
        byCheckpoint = new TreeMap<>();
        pending = ctx.getOperatorStateStore().getListState(PENDING);
        restored = new ArrayList<>();
        if (ctx.isRestored()) {
            pending.get().forEach(restored::add);
        }
    }

    @Override
    public void open() throws Exception {
        super.open();
        if (!restored.isEmpty()) {
            // Restored resolves were durable in the checkpoint we restored from: release them.
            getProcessingTimeService()
                    .registerTimer(
                            getProcessingTimeService().getCurrentProcessingTime(),
                            t -> {
                                restored.forEach(this::emit);
                                restored.clear();
                            });
        }
    }

    @Override
    public void processElement(StreamRecord<PageEvent> rec) {
        if (gate && rec.getValue().getAction() == PageAction.RESOLVE) {
            sinceLastCheckpoint.add(rec.getValue());
        } else {
            output.collect(rec);
        }
    }

    @Override
    public void snapshotState(StateSnapshotContext ctx) throws Exception {
        super.snapshotState(ctx);
        if (!sinceLastCheckpoint.isEmpty()) {
            byCheckpoint.put(ctx.getCheckpointId(), sinceLastCheckpoint);
            sinceLastCheckpoint = new ArrayList<>();
        }
        List<PageEvent> all = new ArrayList<>(restored);
        byCheckpoint.values().forEach(all::addAll);
        pending.update(all);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        super.notifyCheckpointComplete(checkpointId);
        Iterator<Map.Entry<Long, List<PageEvent>>> it =
                byCheckpoint.headMap(checkpointId, true).entrySet().iterator();
        while (it.hasNext()) {
            it.next().getValue().forEach(this::emit);
            it.remove();
        }
    }

    @Override
    public void finish() throws Exception {
        // End of a bounded input: nothing can be replayed any more.
        byCheckpoint.values().forEach(l -> l.forEach(this::emit));
        byCheckpoint.clear();
        sinceLastCheckpoint.forEach(this::emit);
        sinceLastCheckpoint.clear();
        super.finish();
    }

    private void emit(PageEvent e) {
        output.collect(new StreamRecord<>(e));
    }
}
