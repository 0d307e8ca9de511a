package dev.recon.job.testing;

import dev.recon.model.avro.BillEvent;
import dev.recon.model.avro.PaymentEvent;

import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;

/** Writes hand-made payments and bills to the job's topics as raw Avro, like the producers do. */
public final class RecordProducer implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;

    /** A producer for the broker at {@code servers}. */
    public RecordProducer(String servers) {
        producer =
                new KafkaProducer<>(
                        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers),
                        new StringSerializer(),
                        new ByteArraySerializer());
    }

    /** A payment and its bill, equal but for the merchants. */
    public void pair(String paymentId, String paymentMerchant, String billMerchant)
            throws Exception {
        long now = System.currentTimeMillis();
        PaymentEvent p = Records.payment(paymentId, 1_000);
        p.setMerchantId(paymentMerchant);
        p.setEventTime(now);
        BillEvent b = Records.bill("b-" + paymentId, paymentId, 1_000);
        b.setMerchantId(billMerchant);
        b.setEventTime(now);
        producer.send(new ProducerRecord<>("payments", paymentId, encode(p))).get();
        producer.send(new ProducerRecord<>("bills", paymentId, encode(b))).get();
    }

    private static byte[] encode(SpecificRecord r) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder enc = EncoderFactory.get().binaryEncoder(out, null);
        @SuppressWarnings("unchecked")
        SpecificDatumWriter<SpecificRecord> w = new SpecificDatumWriter<>(r.getSchema());
        w.write(r, enc);
        enc.flush();
        return out.toByteArray();
    }

    @Override
    public void close() {
        producer.close();
    }
}
