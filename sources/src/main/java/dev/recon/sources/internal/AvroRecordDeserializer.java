package dev.recon.sources.internal;

import dev.recon.model.avro.DeadLetter;
import dev.recon.sources.DeadLetterKind;
import dev.recon.sources.DeadLetterReasons;
import dev.recon.sources.RecordValidator;

import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.api.common.serialization.DeserializationSchema;
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
 * {@link DeadLetter}, counted per {@link DeadLetterKind}. A value above the size limit is not
 * decoded at all. Never throws for bad input.
 */
public final class AvroRecordDeserializer<T extends SpecificRecordBase>
        implements KafkaRecordDeserializationSchema<Either<DeadLetter, T>> {
    private static final long serialVersionUID = 1L;

    private final String streamName;
    private final Class<T> recordClass;
    private final DeadLetterFactory deadLetters;
    private final FieldChecks checks;
    private final int maxRecordBytes;
    private final List<RecordValidator<T>> validators;
    private transient SpecificDatumReader<T> reader;
    private transient BinaryDecoder decoder;
    private transient DeadLetterCounters counters;

    /**
     * Decodes {@code recordClass} values of at most {@code maxRecordBytes} of the named stream,
     * then runs the built-in {@code checks} and the validators in order.
     */
    public AvroRecordDeserializer(
            String streamName,
            Class<T> recordClass,
            FieldChecks checks,
            int maxRecordBytes,
            List<RecordValidator<T>> validators) {
        this.streamName = streamName;
        this.recordClass = recordClass;
        this.deadLetters = new DeadLetterFactory(streamName);
        this.checks = checks;
        this.maxRecordBytes = maxRecordBytes;
        this.validators = List.copyOf(validators);
    }

    @Override
    public void open(DeserializationSchema.InitializationContext context) {
        counters().open(context.getMetricGroup(), streamName);
    }

    @Override
    public void deserialize(
            ConsumerRecord<byte[], byte[]> record, Collector<Either<DeadLetter, T>> out) {
        byte[] value = record.value();
        Rejection rejection;
        T decoded = null;
        if (value == null) {
            rejection = new Rejection(DeadLetterKind.NULL_VALUE, "tombstone");
        } else if (value.length > maxRecordBytes) {
            rejection = tooLarge(value.length);
        } else {
            try {
                decoded = decode(value);
                rejection = problem(decoded, value.length);
            } catch (IOException | RuntimeException e) {
                rejection =
                        new Rejection(
                                DeadLetterKind.UNDECODABLE, "not a " + recordName() + ": " + e);
            }
        }
        if (rejection == null) {
            out.collect(Either.Right(decoded));
            return;
        }
        counters().count(rejection.kind());
        out.collect(Either.Left(deadLetters.of(record, reasonOf(rejection))));
    }

    private Rejection tooLarge(int length) {
        return new Rejection(
                DeadLetterKind.TOO_LARGE,
                length
                        + " bytes, more than the "
                        + maxRecordBytes
                        + "-byte limit (setMaxRecordBytes); not decoded");
    }

    private T decode(byte[] value) throws IOException {
        if (reader == null) {
            reader = new SpecificDatumReader<>(recordClass);
        }
        decoder = DecoderFactory.get().binaryDecoder(value, decoder);
        return reader.read(null, decoder);
    }

    private Rejection problem(T decoded, int length) throws IOException {
        if (!decoder.isEnd()) {
            return new Rejection(
                    DeadLetterKind.TRAILING_BYTES,
                    recordName()
                            + " ended before the last of "
                            + length
                            + " bytes (another schema?)");
        }
        Rejection builtIn = checks.problem(decoded, System.currentTimeMillis());
        if (builtIn != null) {
            return builtIn;
        }
        for (RecordValidator<T> v : validators) {
            String problem;
            try {
                problem = v.problem(decoded);
            } catch (RuntimeException e) {
                problem = "validator failed: " + e;
            }
            if (problem != null) {
                return new Rejection(DeadLetterKind.INVALID_OTHER, problem);
            }
        }
        return null;
    }

    /** {@code <prefix>: <detail>}; the checks of a decoded record say which type they judged. */
    private String reasonOf(Rejection r) {
        return switch (r.kind()) {
            case NULL_VALUE -> DeadLetterReasons.NULL_VALUE + ": " + r.reason();
            case TOO_LARGE -> DeadLetterReasons.TOO_LARGE + ": " + r.reason();
            case UNDECODABLE -> DeadLetterReasons.UNDECODABLE + ": " + r.reason();
            case TRAILING_BYTES -> DeadLetterReasons.TRAILING_BYTES + ": " + r.reason();
            default -> DeadLetterReasons.INVALID + ": " + recordName() + " " + r.reason();
        };
    }

    private DeadLetterCounters counters() {
        if (counters == null) {
            counters = new DeadLetterCounters();
        }
        return counters;
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
