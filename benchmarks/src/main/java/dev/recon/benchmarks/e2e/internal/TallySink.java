package dev.recon.benchmarks.e2e.internal;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.util.function.SerializableFunction;

/**
 * A sink that counts its records into {@link Tally} under the name its function gives (null: not
 * counted) and marks the end of the run when it closes.
 */
public final class TallySink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;

    private final String records;
    private final SerializableFunction<T, String> name;

    /** Counts every record under {@code records} and also under {@code name.apply(record)}. */
    public TallySink(String records, SerializableFunction<T, String> name) {
        this.records = records;
        this.name = name;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        return new SinkWriter<>() {
            @Override
            public void write(T element, Context ctx) {
                Tally.add(records, 1);
                String n = name.apply(element);
                if (n != null) {
                    Tally.add(n, 1);
                }
            }

            @Override
            public void flush(boolean endOfInput) {
                if (endOfInput) {
                    Tally.markLast();
                }
            }

            @Override
            public void close() {}
        };
    }
}
