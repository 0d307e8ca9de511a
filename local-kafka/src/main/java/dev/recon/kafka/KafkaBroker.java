package dev.recon.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * A real Kafka 4 broker (combined KRaft broker and controller) on 127.0.0.1, from the Kafka jars of
 * the local Maven repository, no Docker: as a separate JVM (the default, used by the demo) or
 * inside this JVM ({@link KafkaBrokerBuilder#setInProcess}, used by tests).
 *
 * <pre>{@code
 * try (KafkaBroker broker = KafkaBroker.builder().build().start()) {
 *     broker.createTopics(2, "payments", "bills");
 *     String servers = broker.bootstrapServers();
 * }
 * }</pre>
 */
public final class KafkaBroker implements AutoCloseable {
    private final BrokerSettings settings;
    private RunningBroker process;
    private boolean hooked;

    KafkaBroker(BrokerSettings settings) {
        this.settings = settings;
    }

    /** Returns a builder; every setting has a default suitable for a laptop. */
    public static KafkaBrokerBuilder builder() {
        return new KafkaBrokerBuilder();
    }

    /**
     * Formats storage if needed, starts the broker and waits until it serves requests. After {@link
     * #kill()} it starts the broker again on the same port and data folder.
     */
    public synchronized KafkaBroker start() throws IOException {
        if (process != null) {
            throw new IllegalStateException("the broker is running; kill() or close() it first");
        }
        process =
                settings.inProcess()
                        ? InProcessBroker.start(settings)
                        : BrokerProcess.start(settings);
        if (!hooked) {
            Runtime.getRuntime().addShutdownHook(new Thread(this::close, "kafka-broker-stop"));
            hooked = true;
        }
        return this;
    }

    /**
     * {@code kill -9} of the broker process (a crash): its port and data folder stay as they are,
     * and {@link #start()} brings it back with the topics and records it had. Needs the broker in
     * its own JVM (the default).
     */
    public synchronized void kill() {
        if (process == null) {
            throw new IllegalStateException("the broker is not running; start() it first");
        }
        process.kill();
        process = null;
    }

    /** The {@code bootstrap.servers} value of this broker. */
    public String bootstrapServers() {
        return "127.0.0.1:" + settings.port();
    }

    /** The broker's own log file. */
    public Path logFile() {
        return settings.dataDir().resolve("broker.log");
    }

    /** Creates topics with replication factor 1; topics that already exist are left alone. */
    public void createTopics(int partitions, String... topics) {
        List<NewTopic> newTopics = new ArrayList<>();
        for (String t : topics) {
            newTopics.add(new NewTopic(t, partitions, (short) 1));
        }
        try (Admin admin = admin()) {
            for (var e : admin.createTopics(newTopics).values().entrySet()) {
                try {
                    e.getValue().get();
                } catch (ExecutionException ex) {
                    if (!(ex.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException(
                                "could not create topic " + e.getKey() + ": " + ex.getCause(), ex);
                    }
                }
            }
            awaitLeaders(admin, List.of(topics));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    /**
     * Waits until every partition has a leader: an idempotent producer writing to a partition that
     * is not ready yet can lose records to OUT_OF_ORDER_SEQUENCE_NUMBER (KAFKA-15591).
     */
    private static void awaitLeaders(Admin admin, List<String> topics) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                boolean ready =
                        admin.describeTopics(topics).allTopicNames().get().values().stream()
                                .flatMap(d -> d.partitions().stream())
                                .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
                if (ready) {
                    return;
                }
            } catch (ExecutionException e) {
                // metadata not propagated yet: retry
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("partitions of " + topics + " have no leader after 30 s");
    }

    /** An admin client for this broker; the caller closes it. */
    public Admin admin() {
        return Admin.create(
                Map.of(
                        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers(),
                        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                        15_000,
                        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                        20_000));
    }

    /** Stops the broker process (SIGTERM, then SIGKILL) and removes a temporary data folder. */
    @Override
    public synchronized void close() {
        if (process != null) {
            process.stop(Duration.ofSeconds(15));
            process = null;
        }
        if (settings.deleteOnClose() && Files.exists(settings.dataDir())) {
            BrokerFiles.deleteTree(settings.dataDir());
        }
    }

    /** Whether the broker process is alive. */
    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    static Path newTempDir() throws IOException {
        return Files.createTempDirectory("recon-kafka-");
    }
}
