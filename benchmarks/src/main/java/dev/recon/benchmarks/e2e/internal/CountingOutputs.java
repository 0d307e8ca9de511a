package dev.recon.benchmarks.e2e.internal;

import dev.recon.job.ReconciliationJob;
import dev.recon.model.avro.Alert;
import dev.recon.model.avro.DeadLetter;

import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/** The engine's outputs for the in-JVM cases: alerts counted by rule id, the rest discarded. */
public final class CountingOutputs implements ReconciliationJob.OutputFactory {
    private static final long serialVersionUID = 1L;

    @Override
    public void alerts(DataStream<Alert> alerts) {
        alerts.sinkTo(new TallySink<>("alerts", a -> a.getRuleId()))
                .uid("bench-count-alerts")
                .name("count alerts");
    }

    @Override
    public void deadLetters(DataStream<DeadLetter> deadLetters) {
        deadLetters.sinkTo(new DiscardingSink<>()).name("discard dead letters");
    }

    @Override
    public void audit(DataStream<String> audit) {
        audit.sinkTo(new DiscardingSink<>()).uid("bench-audit").name("discard audit");
    }
}
