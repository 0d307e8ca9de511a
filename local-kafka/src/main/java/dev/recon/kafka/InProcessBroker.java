package dev.recon.kafka;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.utils.Time;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

/**
 * The broker inside this JVM (for tests): the same KRaft server and configuration as the separate
 * process, started through {@link KafkaRaftServer}. Needs {@code kafka_2.13} on the caller's
 * classpath (test scope).
 */
final class InProcessBroker implements RunningBroker {
    private final KafkaRaftServer server;
    private volatile boolean alive = true;

    private InProcessBroker(KafkaRaftServer server) {
        this.server = server;
    }

    static InProcessBroker start(BrokerSettings s) throws IOException {
        Files.createDirectories(s.dataDir());
        Path props = BrokerConfigFiles.writeProperties(s);
        if (!Files.exists(s.dataDir().resolve("logs/meta.properties"))) {
            format(props);
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(props)) {
            p.load(r);
        }
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(p, false), Time.SYSTEM);
        server.startup();
        awaitPort(s.port());
        return new InProcessBroker(server);
    }

    private static void format(Path props) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] args = {"format", "-t", BrokerConfigFiles.clusterId(), "-c", props.toString()};
        int rc = StorageTool.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8));
        if (rc != 0) {
            throw new IOException(
                    "formatting Kafka storage failed: " + out.toString(StandardCharsets.UTF_8));
        }
    }

    private static void awaitPort(int port) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for the broker", ie);
                }
            }
        }
        throw new IOException("in-JVM Kafka broker did not open port " + port + " within 60 s");
    }

    @Override
    public boolean isAlive() {
        return alive;
    }

    @Override
    public void stop(Duration grace) {
        alive = false;
        server.shutdown();
        server.awaitShutdown();
    }

    @Override
    public void kill() {
        throw new UnsupportedOperationException(
                "kill() needs the broker in its own JVM: leave setInProcess(false), the default");
    }
}
