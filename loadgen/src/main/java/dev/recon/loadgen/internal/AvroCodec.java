package dev.recon.loadgen.internal;

import dev.recon.model.avro.BillEvent;
import dev.recon.model.avro.PaymentEvent;

import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Raw Avro binary (no schema registry framing) of payments and bills; not thread-safe. */
public final class AvroCodec {
    private final SpecificDatumWriter<PaymentEvent> paymentWriter =
            new SpecificDatumWriter<>(PaymentEvent.class);
    private final SpecificDatumWriter<BillEvent> billWriter =
            new SpecificDatumWriter<>(BillEvent.class);
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
    private BinaryEncoder encoder;

    /** Encodes a payment. */
    public byte[] encode(PaymentEvent p) {
        return write(paymentWriter, p);
    }

    /** Encodes a bill. */
    public byte[] encode(BillEvent b) {
        return write(billWriter, b);
    }

    private <T> byte[] write(DatumWriter<T> writer, T record) {
        try {
            buffer.reset();
            encoder = EncoderFactory.get().binaryEncoder(buffer, encoder);
            writer.write(record, encoder);
            encoder.flush();
            return buffer.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decodes a payment written by {@link #encode(PaymentEvent)}. */
    public static PaymentEvent decodePayment(byte[] bytes) {
        return decode(new SpecificDatumReader<>(PaymentEvent.class), bytes);
    }

    /** Decodes a bill written by {@link #encode(BillEvent)}. */
    public static BillEvent decodeBill(byte[] bytes) {
        return decode(new SpecificDatumReader<>(BillEvent.class), bytes);
    }

    private static <T> T decode(SpecificDatumReader<T> reader, byte[] bytes) {
        try {
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, null);
            return reader.read(null, decoder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
