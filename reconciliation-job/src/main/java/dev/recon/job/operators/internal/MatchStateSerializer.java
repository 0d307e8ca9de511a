package dev.recon.job.operators.internal;

import dev.recon.model.avro.MatchState;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.formats.avro.utils.DataInputDecoder;

import java.io.IOException;
import java.util.Objects;

/**
 * The matcher's state serializer: the bytes Flink's {@code AvroSerializer} writes for {@link
 * MatchState}, coded by hand (0.73x the time of Avro's generated coders in the benchmarks'
 * StateCodersBenchmark). State written by an older {@code MatchState} schema is read through Avro's
 * schema resolution and written anew.
 */
public final class MatchStateSerializer extends TypeSerializer<MatchState> {
    private static final long serialVersionUID = 1L;

    /** JSON of the schema the bytes to read were written with; null for the current one. */
    private final String olderWriterSchema;

    private transient MatchStateCodec codec;
    private transient SpecificDatumReader<MatchState> olderReader;
    private transient DataInputDecoder olderDecoder;

    /** Reads and writes the current schema. */
    public MatchStateSerializer() {
        this(null);
    }

    /** Reads bytes written with {@code writer} (null: the current schema); writes the current. */
    MatchStateSerializer(Schema writer) {
        this.olderWriterSchema =
                writer == null || writer.equals(MatchState.getClassSchema())
                        ? null
                        : writer.toString();
    }

    @Override
    public void serialize(MatchState s, DataOutputView out) throws IOException {
        codec().write(s, out);
    }

    @Override
    public MatchState deserialize(DataInputView in) throws IOException {
        if (olderWriterSchema == null) {
            return codec().read(in);
        }
        if (olderReader == null) {
            Schema writer = new Schema.Parser().parse(olderWriterSchema);
            olderReader = new SpecificDatumReader<>(writer, MatchState.getClassSchema());
            olderDecoder = new DataInputDecoder();
        }
        olderDecoder.setIn(in);
        return olderReader.read(null, olderDecoder);
    }

    @Override
    public MatchState deserialize(MatchState reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public void copy(DataInputView in, DataOutputView out) throws IOException {
        serialize(deserialize(in), out);
    }

    @Override
    public MatchState copy(MatchState from) {
        return MatchState.newBuilder(from).build();
    }

    @Override
    public MatchState copy(MatchState from, MatchState reuse) {
        return copy(from);
    }

    @Override
    public MatchState createInstance() {
        return new MatchState();
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<MatchState> duplicate() {
        return olderWriterSchema == null
                ? new MatchStateSerializer()
                : new MatchStateSerializer(new Schema.Parser().parse(olderWriterSchema));
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public TypeSerializerSnapshot<MatchState> snapshotConfiguration() {
        return new MatchStateSerializerSnapshot();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MatchStateSerializer m
                && Objects.equals(olderWriterSchema, m.olderWriterSchema);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(olderWriterSchema);
    }

    private MatchStateCodec codec() {
        if (codec == null) {
            codec = new MatchStateCodec();
        }
        return codec;
    }
}
