package dev.recon.loadgen.internal;

import dev.recon.loadgen.LoadGenException;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Client settings with short timeouts, and the connectivity check done before any work. */
public final class KafkaClients {
    /** How long the connectivity check waits for the cluster to answer. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private KafkaClients() {}

    /** Producer settings: acks=all, idempotent, 20 ms linger, 256 KiB batches, 1 in flight. */
    public static Map<String, Object> producer(String servers) {
        Map<String, Object> p = common(servers, "recon-loadgen");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        // One request in flight: with more, a batch refused by a partition that was created a
        // moment ago (NOT_LEADER_OR_FOLLOWER) can be overtaken by the next one, after which the
        // broker rejects its retries forever as OUT_OF_ORDER_SEQUENCE_NUMBER (KAFKA-15591).
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        return p;
    }

    /** Consumer settings for reading a topic by assignment, without a group. */
    public static Map<String, Object> consumer(String servers) {
        Map<String, Object> c = common(servers, "recon-loadgen-checker");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return c;
    }

    private static Map<String, Object> common(String servers, String clientId) {
        Map<String, Object> c = new HashMap<>();
        c.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, servers);
        c.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        c.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, 8_000);
        c.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        c.put(CommonClientConfigs.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, 3_000);
        c.put(CommonClientConfigs.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, 5_000);
        c.put(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
        return c;
    }

    /** Asks the cluster to describe itself; throws {@link LoadGenException} if it cannot. */
    public static void checkReachable(String servers) {
        Admin admin;
        try {
            admin = Admin.create(common(servers, "recon-loadgen-probe"));
        } catch (KafkaException e) {
            throw new LoadGenException(
                    "invalid bootstrap servers '" + servers + "': " + root(e), e);
        }
        try {
            long ms = CONNECT_TIMEOUT.toMillis();
            var options = new DescribeClusterOptions().timeoutMs((int) ms);
            admin.describeCluster(options).nodes().get(ms + 2_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw unreachable(servers, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoadGenException("interrupted while contacting Kafka at " + servers, e);
        } finally {
            admin.close(Duration.ofSeconds(2));
        }
    }

    private static LoadGenException unreachable(String servers, Exception e) {
        return new LoadGenException(
                String.format(
                        "cannot reach Kafka at %s within %d s (%s); is the broker running and"
                                + " is --bootstrap-servers right?",
                        servers, CONNECT_TIMEOUT.toSeconds(), root(e)),
                e);
    }

    /** The innermost message of an exception chain. */
    public static String root(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
