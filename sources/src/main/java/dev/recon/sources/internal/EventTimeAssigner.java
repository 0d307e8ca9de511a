package dev.recon.sources.internal;

import dev.recon.model.avro.DeadLetter;

import org.apache.avro.generic.IndexedRecord;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.types.Either;

/**
 * Event time of a source element: the record's {@code event_time} field, read by its position
 * (resolved once, when the source is built); for a dead letter, its Kafka timestamp.
 */
public final class EventTimeAssigner<T extends IndexedRecord>
        implements SerializableTimestampAssigner<Either<DeadLetter, T>> {
    private static final long serialVersionUID = 1L;

    private final int eventTimePos;

    /** Reads event time from the field at {@code eventTimePos}. */
    public EventTimeAssigner(int eventTimePos) {
        this.eventTimePos = eventTimePos;
    }

    @Override
    public long extractTimestamp(Either<DeadLetter, T> element, long recordTimestamp) {
        if (element.isLeft()) {
            return element.left().getKafkaTimestamp();
        }
        return (Long) element.right().get(eventTimePos);
    }
}
