package dev.recon.job.operators.internal;

import dev.recon.model.avro.BillEvent;
import dev.recon.model.avro.PaymentEvent;

import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.types.Either;

/** Type of the matcher's input records; its serializer is {@link InputEventSerializer}. */
public final class InputEventTypeInfo extends TypeInformation<Either<PaymentEvent, BillEvent>> {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Class<Either<PaymentEvent, BillEvent>> getTypeClass() {
        return (Class) Either.class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<Either<PaymentEvent, BillEvent>> createSerializer(SerializerConfig c) {
        return new InputEventSerializer();
    }

    @Override
    public String toString() {
        return "Either<PaymentEvent, BillEvent> (hand-coded Avro bytes)";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InputEventTypeInfo;
    }

    @Override
    public int hashCode() {
        return InputEventTypeInfo.class.hashCode();
    }

    @Override
    public boolean canEqual(Object o) {
        return o instanceof InputEventTypeInfo;
    }
}
