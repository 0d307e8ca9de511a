package dev.recon.loadgen.internal;

import dev.recon.loadgen.LoadGenException;
import dev.recon.model.AlertJson;
import dev.recon.model.avro.Alert;
import dev.recon.model.avro.AlertAction;
import dev.recon.model.avro.RuleMode;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads an alerts topic from the beginning until complete and quiet, or until a timeout. */
public final class AlertReader implements AutoCloseable {
    /** What was read: decoded alerts in read order, bad records, and whether time ran out. */
    public record Result(List<Alert> alerts, long undecodable, boolean timedOut) {}

    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String topic;

    /** A reader of {@code topic}; it joins no consumer group and commits nothing. */
    public AlertReader(String servers, String topic) {
        this.consumer =
                new KafkaConsumer<>(
                        KafkaClients.consumer(servers),
                        new ByteArrayDeserializer(),
                        new ByteArrayDeserializer());
        this.topic = topic;
    }

    /**
     * Reads until every id of {@code expectedIds} was seen as an ENFORCE TRIGGER and no record
     * arrived for {@code quiet}, or until {@code timeout} has passed since the call.
     */
    public Result read(Set<String> expectedIds, Duration timeout, Duration quiet) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<TopicPartition> partitions = partitions(deadline);
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Set<String> pending = new HashSet<>(expectedIds);
        List<Alert> alerts = new ArrayList<>();
        long[] undecodable = {0};
        long lastArrival = System.nanoTime();
        while (true) {
            long now = System.nanoTime();
            if (pending.isEmpty() && now - lastArrival >= quiet.toNanos()) {
                return new Result(alerts, undecodable[0], false);
            }
            if (now - deadline >= 0) {
                return new Result(alerts, undecodable[0], true);
            }
            if (poll(pending, alerts, undecodable)) {
                lastArrival = System.nanoTime();
            }
        }
    }

    /** Polls once; returns whether any record arrived. */
    private boolean poll(Set<String> pending, List<Alert> alerts, long[] undecodable) {
        var records = consumer.poll(POLL);
        for (ConsumerRecord<byte[], byte[]> r : records) {
            Alert a = decode(r.value());
            if (a == null) {
                undecodable[0]++;
                continue;
            }
            alerts.add(a);
            if (a.getAction() == AlertAction.TRIGGER && a.getMode() == RuleMode.ENFORCE) {
                pending.remove(a.getAlertId());
            }
        }
        return !records.isEmpty();
    }

    private static Alert decode(byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            return AlertJson.fromJson(value);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private List<TopicPartition> partitions(long deadline) {
        while (true) {
            List<PartitionInfo> infos;
            try {
                infos = consumer.partitionsFor(topic, Duration.ofSeconds(2));
            } catch (TimeoutException e) {
                infos = List.of();
            }
            if (infos != null && !infos.isEmpty()) {
                List<TopicPartition> out = new ArrayList<>();
                infos.forEach(i -> out.add(new TopicPartition(i.topic(), i.partition())));
                return out;
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new LoadGenException("alerts topic '" + topic + "' does not exist");
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoadGenException("interrupted while waiting for the alerts topic", e);
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
