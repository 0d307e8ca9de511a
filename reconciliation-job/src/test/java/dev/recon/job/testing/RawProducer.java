package dev.recon.job.testing;

import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Writes any bytes, or a record as raw Avro, to a topic and says where they landed. */
public final class RawProducer implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;

    /** A producer for the broker at {@code servers}, allowing values up to 2 MiB. */
    public RawProducer(String servers) {
        producer =
                new KafkaProducer<>(
                        Map.of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                servers,
                                ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                                2 << 20),
                        new StringSerializer(),
                        new ByteArraySerializer());
    }

    /** Sends {@code value} (may be null) under {@code key} and waits for the ack. */
    public RecordMetadata send(String topic, String key, byte[] value) throws Exception {
        return producer.send(new ProducerRecord<>(topic, key, value)).get();
    }

    /** Sends a record as raw binary Avro, as the real producers do. */
    public RecordMetadata send(String topic, String key, SpecificRecord record) throws Exception {
        return send(topic, key, avro(record));
    }

    /** Raw binary Avro of a record, without a schema header. */
    public static byte[] avro(SpecificRecord r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder enc = EncoderFactory.get().binaryEncoder(out, null);
        try {
            new SpecificDatumWriter<SpecificRecord>(r.getSchema()).write(r, enc);
            enc.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        producer.close();
    }
}
