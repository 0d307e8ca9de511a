package dev.recon.job.operators.internal;

import dev.recon.model.avro.MatchState;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.formats.avro.typeutils.AvroSerializer;
import org.apache.flink.formats.avro.typeutils.AvroSerializerSnapshot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Snapshot of {@link MatchStateSerializer}: the {@code MatchState} schema the state was written
 * with. Restores state of its own kind and of Flink's {@code AvroSerializer} (checkpoints and
 * savepoints taken before this serializer), as-is when the schema is the same, by migration when
 * Avro can read the older schema, and refuses any other.
 */
public final class MatchStateSerializerSnapshot implements TypeSerializerSnapshot<MatchState> {
    private static final int VERSION = 1;

    private Schema writer = MatchState.getClassSchema();

    @Override
    public int getCurrentVersion() {
        return VERSION;
    }

    @Override
    public void writeSnapshot(DataOutputView out) throws IOException {
        byte[] json = writer.toString().getBytes(StandardCharsets.UTF_8);
        out.writeInt(json.length);
        out.write(json);
    }

    @Override
    public void readSnapshot(int version, DataInputView in, ClassLoader cl) throws IOException {
        if (version != VERSION) {
            throw new IOException("unknown MatchStateSerializer snapshot version " + version);
        }
        byte[] json = new byte[in.readInt()];
        in.readFully(json);
        writer = new Schema.Parser().parse(new String(json, StandardCharsets.UTF_8));
    }

    @Override
    public TypeSerializer<MatchState> restoreSerializer() {
        return new MatchStateSerializer(writer);
    }

    @Override
    public TypeSerializerSchemaCompatibility<MatchState> resolveSchemaCompatibility(
            TypeSerializerSnapshot<MatchState> old) {
        if (old instanceof MatchStateSerializerSnapshot own) {
            return byAvroRules(own.writer);
        }
        if (old instanceof AvroSerializerSnapshot) {
            var current = new AvroSerializer<>(MatchState.class).snapshotConfiguration();
            var avro = current.resolveSchemaCompatibility(old);
            if (avro.isCompatibleAsIs()) {
                return TypeSerializerSchemaCompatibility.compatibleAsIs(); // the same bytes
            }
            return avro.isCompatibleAfterMigration()
                    ? TypeSerializerSchemaCompatibility.compatibleAfterMigration()
                    : TypeSerializerSchemaCompatibility.incompatible();
        }
        return TypeSerializerSchemaCompatibility.incompatible();
    }

    private static TypeSerializerSchemaCompatibility<MatchState> byAvroRules(Schema older) {
        Schema current = MatchState.getClassSchema();
        if (older.equals(current)) {
            return TypeSerializerSchemaCompatibility.compatibleAsIs();
        }
        var avro = SchemaCompatibility.checkReaderWriterCompatibility(current, older).getType();
        return avro == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE
                ? TypeSerializerSchemaCompatibility.compatibleAfterMigration()
                : TypeSerializerSchemaCompatibility.incompatible();
    }
}
