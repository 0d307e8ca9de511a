package dev.recon.kafka;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;

/** The broker's {@code server.properties} and cluster id, shared by both ways of running it. */
final class BrokerConfigFiles {
    private BrokerConfigFiles() {}

    static Path writeProperties(BrokerSettings s) throws IOException {
        String props =
                String.join(
                        "\n",
                        "process.roles=broker,controller",
                        "node.id=1",
                        "controller.quorum.voters=1@127.0.0.1:" + s.controllerPort(),
                        "listeners=PLAINTEXT://127.0.0.1:"
                                + s.port()
                                + ",CONTROLLER://127.0.0.1:"
                                + s.controllerPort(),
                        "advertised.listeners=PLAINTEXT://127.0.0.1:" + s.port(),
                        "controller.listener.names=CONTROLLER",
                        "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                        "inter.broker.listener.name=PLAINTEXT",
                        "log.dirs=" + s.dataDir().resolve("logs"),
                        "num.partitions=" + s.defaultPartitions(),
                        "offsets.topic.replication.factor=1",
                        "offsets.topic.num.partitions=4",
                        "transaction.state.log.replication.factor=1",
                        "transaction.state.log.min.isr=1",
                        "share.coordinator.state.topic.replication.factor=1",
                        "share.coordinator.state.topic.min.isr=1",
                        "group.initial.rebalance.delay.ms=0",
                        "auto.create.topics.enable=true",
                        "");
        Path file = s.dataDir().resolve("server.properties");
        Files.writeString(file, props);
        return file;
    }

    /**
     * A random 22-character cluster id. Ids starting with '-' are drawn again: the storage tool's
     * argument parser would take them for an option.
     */
    static String clusterId() {
        while (true) {
            UUID u = UUID.randomUUID();
            ByteBuffer b = ByteBuffer.allocate(16);
            b.putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
            String id = Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
            if (id.charAt(0) != '-') {
                return id;
            }
        }
    }
}
