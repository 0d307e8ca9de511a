package dev.recon.benchmarks.e2e.internal;

import dev.recon.job.ReconciliationInputs;
import dev.recon.job.ReconciliationJob;
import dev.recon.model.avro.PaymentEvent;

import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** The generated pairs as the engine's inputs: the same source every throughput case reads. */
public final class GeneratedInputs implements ReconciliationJob.InputFactory {
    private static final long serialVersionUID = 1L;

    private final long pairs;
    private final long lag;

    /** {@code pairs} pairs, each bill {@code lag} pairs after its payment. */
    public GeneratedInputs(long pairs, long lag) {
        this.pairs = pairs;
        this.lag = lag;
    }

    @Override
    public ReconciliationInputs create(StreamExecutionEnvironment env) {
        SingleOutputStreamOperator<PaymentEvent> payments = attach(env, pairs, lag);
        return new ReconciliationInputs(
                payments, payments.getSideOutput(GenerateEvents.BILLS), null, null);
    }

    /** The generator: payments, with the bills as side output {@link GenerateEvents#BILLS}. */
    public static SingleOutputStreamOperator<PaymentEvent> attach(
            StreamExecutionEnvironment env, long pairs, long lag) {
        return env.fromSequence(0, GenerateEvents.chunks(pairs) - 1)
                .name("sequence")
                .uid("bench-sequence")
                .process(new GenerateEvents(pairs, lag), new AvroTypeInfo<>(PaymentEvent.class))
                .name("generate pairs")
                .uid("bench-generate");
    }
}
