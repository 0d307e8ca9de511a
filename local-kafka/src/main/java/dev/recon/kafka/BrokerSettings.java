package dev.recon.kafka;

import java.nio.file.Path;

/** Resolved settings of a {@link KafkaBroker}. */
record BrokerSettings(
        Path dataDir,
        boolean deleteOnClose,
        int port,
        int controllerPort,
        int defaultPartitions,
        String heap,
        Path javaHome,
        boolean inProcess) {}
