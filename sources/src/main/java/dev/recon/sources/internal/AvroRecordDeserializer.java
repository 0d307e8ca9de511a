package dev.recon.sources.internal;

import dev.recon.model.avro.DeadLetter;
import dev.recon.sources.DeadLetterReasons;
import dev.recon.sources.RecordValidator;

import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.EitherTypeInfo;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.types.Either;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.util.List;

/**
 * Decodes a Kafka value holding one raw binary Avro record of type {@code T} (no schema registry)
 * into {@code Either.Right}; anything that is not a valid record becomes {@code Either.Left} with a
 * {@link DeadLetter}. Never throws for bad input.
 */
public final class AvroRecordDeserializer<T extends SpecificRecordBase>
        implements KafkaRecordDeserializationSchema<Either<DeadLetter, T>> {
    private static final long serialVersionUID = 1L;

    private final Class<T> recordClass;
    private final DeadLetterFactory deadLetters;
    private final List<RecordValidator<T>> validators;
    private transient SpecificDatumReader<T> reader;
    private transient BinaryDecoder decoder;

    /**
     * Decodes {@code recordClass} values of the named stream, then runs the validators in order.
     */
    public AvroRecordDeserializer(
            String streamName, Class<T> recordClass, List<RecordValidator<T>> validators) {
        this.recordClass = recordClass;
        this.deadLetters = new DeadLetterFactory(streamName);
        this.validators = List.copyOf(validators);
    }

    @Override
    public void deserialize(
            ConsumerRecord<byte[], byte[]> record, Collector<Either<DeadLetter, T>> out) {
        byte[] value = record.value();
        String reason = value == null ? DeadLetterReasons.NULL_VALUE + ": tombstone" : null;
        T decoded = null;
        if (reason == null) {
            try {
                decoded = decode(value);
                reason = problem(decoded, value.length);
            } catch (IOException | RuntimeException e) {
                reason = DeadLetterReasons.UNDECODABLE + ": not a " + recordName() + ": " + e;
            }
        }
        out.collect(
                reason == null
                        ? Either.Right(decoded)
                        : Either.Left(deadLetters.of(record, reason)));
    }

    private T decode(byte[] value) throws IOException {
        if (reader == null) {
            reader = new SpecificDatumReader<>(recordClass);
        }
        decoder = DecoderFactory.get().binaryDecoder(value, decoder);
        return reader.read(null, decoder);
    }

    private String problem(T decoded, int length) throws IOException {
        if (!decoder.isEnd()) {
            return DeadLetterReasons.TRAILING_BYTES
                    + ": "
                    + recordName()
                    + " ended before the last of "
                    + length
                    + " bytes (another schema?)";
        }
        for (RecordValidator<T> v : validators) {
            String problem;
            try {
                problem = v.problem(decoded);
            } catch (RuntimeException e) {
                problem = "validator failed: " + e;
            }
            if (problem != null) {
                return DeadLetterReasons.INVALID + ": " + recordName() + " " + problem;
            }
        }
        return null;
    }

    private String recordName() {
        return recordClass.getSimpleName();
    }

    @Override
    public TypeInformation<Either<DeadLetter, T>> getProducedType() {
        return new EitherTypeInfo<>(
                new AvroTypeInfo<>(DeadLetter.class), new AvroTypeInfo<>(recordClass));
    }
}
