package dev.recon.loadgen.internal;

import dev.recon.loadgen.LoadGenException;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/** A {@link RecordSink} writing to two Kafka topics with one idempotent producer. */
public final class KafkaRecordSink implements RecordSink {
    private final KafkaProducer<String, byte[]> producer;
    private final String paymentTopic;
    private final String billTopic;
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final Callback callback =
            (metadata, e) -> {
                if (e != null) {
                    failure.compareAndSet(null, e);
                }
            };

    /** Creates the producer; the caller should have checked connectivity first. */
    public KafkaRecordSink(String servers, String paymentTopic, String billTopic) {
        this.producer =
                new KafkaProducer<>(
                        KafkaClients.producer(servers),
                        new StringSerializer(),
                        new ByteArraySerializer());
        this.paymentTopic = paymentTopic;
        this.billTopic = billTopic;
    }

    @Override
    public void sendPayment(String key, byte[] value) {
        send(paymentTopic, key, value);
    }

    @Override
    public void sendBill(String key, byte[] value) {
        send(billTopic, key, value);
    }

    private void send(String topic, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value), callback);
        } catch (KafkaException e) {
            failure.compareAndSet(null, e);
            failIfBroken();
        }
    }

    @Override
    public void failIfBroken() {
        Exception e = failure.get();
        if (e != null) {
            throw new LoadGenException("sending to Kafka failed: " + KafkaClients.root(e), e);
        }
    }

    @Override
    public void flush() {
        producer.flush();
        failIfBroken();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
