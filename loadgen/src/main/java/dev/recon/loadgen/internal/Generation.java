package dev.recon.loadgen.internal;

import dev.recon.loadgen.GroundTruth;
import dev.recon.loadgen.ProgressListener;
import dev.recon.loadgen.RunInfo;

import java.util.function.LongSupplier;

/** One generator run: the send loop over every event, then the wait for delayed sends. */
public final class Generation {
    private static final long PROGRESS_EVERY_MS = 100;

    private final GenerationSettings s;
    private final RecordSink sink;
    private final LongSupplier clock = System::currentTimeMillis;
    private long lastProgressAt;

    /** A run of the given settings into the given sink; the caller closes the sink. */
    public Generation(GenerationSettings settings, RecordSink sink) {
        this.s = settings;
        this.sink = sink;
    }

    /** Writes every record, waits until all are acknowledged, and returns the ground truth. */
    public GroundTruth run() {
        FaultPlan plan = FaultPlan.choose(s.events(), s.faultFraction(), s.seed());
        RunInfo run = runInfo(clock.getAsLong());
        Emitter emit = new Emitter(sink, clock);
        DelayedSends delayed = new DelayedSends();
        TruthRecorder truth = new TruthRecorder();
        long deadlineMs = s.deadline().toMillis();
        FaultWriter writer =
                new FaultWriter(new EventFactory(run), emit, delayed, truth, deadlineMs);
        Pacer pacer = new Pacer(s.ratePerSecond(), delayed, clock);
        for (long i = 0; i < s.events(); i++) {
            pacer.awaitSlot(i);
            writer.write(i, plan.faultOf(i));
            sink.failIfBroken();
            progress(i + 1);
        }
        pacer.drain();
        sink.flush();
        s.listener().onProgress(s.events(), s.events());
        RunInfo finished = run.finishedAt(clock.getAsLong());
        return truth.build(finished, emit.paymentsSent(), emit.billsSent());
    }

    private RunInfo runInfo(long startedAt) {
        return new RunInfo(
                s.runId(),
                s.seed(),
                s.events(),
                s.faultFraction(),
                s.deadline().toMillis(),
                s.paymentTopic(),
                s.billTopic(),
                startedAt,
                startedAt);
    }

    private void progress(long sent) {
        long now = clock.getAsLong();
        if (now - lastProgressAt >= PROGRESS_EVERY_MS && sent < s.events()) {
            lastProgressAt = now;
            ProgressListener listener = s.listener();
            listener.onProgress(sent, s.events());
        }
    }
}
