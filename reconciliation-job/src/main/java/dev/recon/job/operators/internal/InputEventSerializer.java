package dev.recon.job.operators.internal;

import dev.recon.model.avro.BillEvent;
import dev.recon.model.avro.PaymentEvent;

import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.Either;

import java.io.IOException;

/**
 * The matcher's input records on the wire: the bytes of Flink's {@code EitherSerializer} over two
 * {@code AvroSerializer}s (a boolean, true for a payment, then the record), coded by hand.
 */
public final class InputEventSerializer extends TypeSerializer<Either<PaymentEvent, BillEvent>> {
    private static final long serialVersionUID = 1L;

    private transient EventCodec codec;

    @Override
    public void serialize(Either<PaymentEvent, BillEvent> e, DataOutputView out)
            throws IOException {
        out.writeBoolean(e.isLeft());
        if (e.isLeft()) {
            codec().writePayment(e.left(), out);
        } else {
            codec().writeBill(e.right(), out);
        }
    }

    @Override
    public Either<PaymentEvent, BillEvent> deserialize(DataInputView in) throws IOException {
        return in.readBoolean()
                ? Either.Left(codec().readPayment(in))
                : Either.Right(codec().readBill(in));
    }

    @Override
    public Either<PaymentEvent, BillEvent> deserialize(
            Either<PaymentEvent, BillEvent> reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public void copy(DataInputView in, DataOutputView out) throws IOException {
        serialize(deserialize(in), out);
    }

    @Override
    public Either<PaymentEvent, BillEvent> copy(Either<PaymentEvent, BillEvent> from) {
        return from.isLeft()
                ? Either.Left(PaymentEvent.newBuilder(from.left()).build())
                : Either.Right(BillEvent.newBuilder(from.right()).build());
    }

    @Override
    public Either<PaymentEvent, BillEvent> copy(
            Either<PaymentEvent, BillEvent> from, Either<PaymentEvent, BillEvent> reuse) {
        return copy(from);
    }

    @Override
    public Either<PaymentEvent, BillEvent> createInstance() {
        return Either.Left(new PaymentEvent());
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<Either<PaymentEvent, BillEvent>> duplicate() {
        return new InputEventSerializer();
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InputEventSerializer;
    }

    @Override
    public int hashCode() {
        return InputEventSerializer.class.hashCode();
    }

    @Override
    public TypeSerializerSnapshot<Either<PaymentEvent, BillEvent>> snapshotConfiguration() {
        return new Snapshot();
    }

    private EventCodec codec() {
        if (codec == null) {
            codec = new EventCodec(new FlinkAvroBinary());
        }
        return codec;
    }

    /** Snapshot of the serializer: it has no configuration. */
    public static final class Snapshot
            extends SimpleTypeSerializerSnapshot<Either<PaymentEvent, BillEvent>> {
        /** Restores {@link InputEventSerializer}. */
        public Snapshot() {
            super(InputEventSerializer::new);
        }
    }
}
