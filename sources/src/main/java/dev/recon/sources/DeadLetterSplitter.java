package dev.recon.sources;

import dev.recon.model.avro.DeadLetter;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.types.Either;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Sends the accepted records ({@code Either.Right}) downstream and the dead letters ({@code
 * Either.Left}) to the {@link #DEAD_LETTERS} side output, counting them in the {@value
 * #COUNTER_NAME} metric.
 *
 * @param <T> accepted record type
 */
public final class DeadLetterSplitter<T> extends ProcessFunction<Either<DeadLetter, T>, T>
        implements ResultTypeQueryable<T> {
    private static final long serialVersionUID = 1L;

    /** The side output of rejected records. */
    public static final OutputTag<DeadLetter> DEAD_LETTERS =
            new OutputTag<>("dead-letters", new AvroTypeInfo<>(DeadLetter.class));

    /** Name of the counter of dead letters, in the operator's metric group. */
    public static final String COUNTER_NAME = "deadLettered";

    private final TypeInformation<T> recordType;
    private transient Counter deadLettered;

    /** A splitter whose main output has the given type. */
    public DeadLetterSplitter(TypeInformation<T> recordType) {
        this.recordType = recordType;
    }

    @Override
    public void open(OpenContext openContext) {
        deadLettered = getRuntimeContext().getMetricGroup().counter(COUNTER_NAME);
    }

    @Override
    public void processElement(Either<DeadLetter, T> element, Context ctx, Collector<T> out) {
        if (element.isRight()) {
            out.collect(element.right());
        } else {
            ctx.output(DEAD_LETTERS, element.left());
            deadLettered.inc();
        }
    }

    /** Dead letters counted since {@code open}, for tests. */
    long deadLetteredCount() {
        return deadLettered.getCount();
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return recordType;
    }
}
