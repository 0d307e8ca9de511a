package dev.recon.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Builder of {@link KafkaBroker}; see {@link KafkaBroker#builder()}. */
public final class KafkaBrokerBuilder {
    private Path dataDir;
    private int port;
    private int partitions = 2;
    private String heap = "512m";
    private boolean inProcess;

    KafkaBrokerBuilder() {}

    /** Folder for the broker's log segments; a temporary folder, deleted on close, by default. */
    public KafkaBrokerBuilder setDataDir(Path dataDir) {
        this.dataDir = dataDir;
        return this;
    }

    /** Client port on 127.0.0.1; 0 (the default) picks a free port. */
    public KafkaBrokerBuilder setPort(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        this.port = port;
        return this;
    }

    /** Partitions of auto-created topics (default 2). */
    public KafkaBrokerBuilder setDefaultPartitions(int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1, got " + partitions);
        }
        this.partitions = partitions;
        return this;
    }

    /** Heap of the broker JVM, e.g. {@code 512m} (the default) or {@code 1g}. */
    public KafkaBrokerBuilder setHeap(String heap) {
        if (heap == null || !heap.matches("\\d+[mMgG]")) {
            throw new IllegalArgumentException("heap must look like 512m or 1g, got " + heap);
        }
        this.heap = heap;
        return this;
    }

    /**
     * Runs the broker inside this JVM instead of as its own process (default false). The caller
     * then needs {@code org.apache.kafka:kafka_2.13} on its classpath, in test scope.
     */
    public KafkaBrokerBuilder setInProcess(boolean inProcess) {
        this.inProcess = inProcess;
        return this;
    }

    /** Resolves defaults; {@link KafkaBroker#start()} then launches the process. */
    public KafkaBroker build() {
        try {
            boolean temp = dataDir == null;
            Path dir = temp ? KafkaBroker.newTempDir() : dataDir;
            int clientPort = port == 0 ? BrokerFiles.freePort() : port;
            int controllerPort = BrokerFiles.freePort();
            Path javaHome = Path.of(System.getProperty("java.home"));
            return new KafkaBroker(
                    new BrokerSettings(
                            dir,
                            temp,
                            clientPort,
                            controllerPort,
                            partitions,
                            heap,
                            javaHome,
                            inProcess));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the broker's data folder", e);
        }
    }
}
