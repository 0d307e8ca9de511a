package dev.recon.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** File and port helpers of the local broker. */
final class BrokerFiles {
    private BrokerFiles() {}

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** The broker classpath written at build time by maven-dependency-plugin. */
    static String brokerClasspath() {
        try (InputStream in = BrokerFiles.class.getResourceAsStream("broker.classpath")) {
            if (in == null) {
                throw new IllegalStateException(
                        "broker.classpath is missing from local-kafka; build it with"
                                + " 'mvn -pl local-kafka install' first");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path copyResource(String name, Path target) throws IOException {
        try (InputStream in = BrokerFiles.class.getResourceAsStream(name)) {
            Files.write(target, in.readAllBytes());
        }
        return target;
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }
}
