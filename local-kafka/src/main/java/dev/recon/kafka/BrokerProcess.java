package dev.recon.kafka;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The broker as its own JVM: storage format once, launch, readiness wait and stop. */
final class BrokerProcess implements RunningBroker {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private final Process process;

    private BrokerProcess(Process process) {
        this.process = process;
    }

    static BrokerProcess start(BrokerSettings s) throws IOException {
        Files.createDirectories(s.dataDir());
        Path props = BrokerConfigFiles.writeProperties(s);
        Path log4j =
                BrokerFiles.copyResource(
                        "broker-log4j2.properties", s.dataDir().resolve("log4j2.properties"));
        Path log = s.dataDir().resolve("broker.log");
        long logOffset = Files.exists(log) ? Files.size(log) : 0; // a restart appends to it
        if (!Files.exists(s.dataDir().resolve("logs/meta.properties"))) {
            format(s, props, log4j, log);
        }
        List<String> cmd = java(s, log4j, log);
        cmd.add("-Xms" + s.heap());
        cmd.add("-Xmx" + s.heap());
        cmd.add("-XX:+UseG1GC");
        cmd.add("kafka.Kafka");
        cmd.add(props.toString());
        Process p =
                new ProcessBuilder(cmd)
                        .redirectErrorStream(true)
                        .redirectOutput(s.dataDir().resolve("broker.out").toFile())
                        .start();
        BrokerProcess bp = new BrokerProcess(p);
        bp.awaitReady(s, log, logOffset);
        return bp;
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void stop(Duration grace) {
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void kill() {
        try {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady(BrokerSettings s, Path log, long logOffset) throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException(
                        "Kafka broker exited with code "
                                + process.exitValue()
                                + ":\n"
                                + tail(s.dataDir().resolve("broker.out"), log));
            }
            if (logSaysStarted(log, logOffset) && portOpen(s.port())) {
                return;
            }
            sleep(100);
        }
        stop(Duration.ofSeconds(5));
        throw new IOException(
                "Kafka broker did not start within " + START_TIMEOUT + ":\n" + tail(log, log));
    }

    private static void format(BrokerSettings s, Path props, Path log4j, Path log)
            throws IOException {
        List<String> cmd = java(s, log4j, log);
        cmd.addAll(
                List.of(
                        "kafka.tools.StorageTool",
                        "format",
                        "-t",
                        BrokerConfigFiles.clusterId(),
                        "-c",
                        props.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (p.waitFor() != 0) {
                throw new IOException("formatting Kafka storage failed:\n" + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while formatting Kafka storage", e);
        }
    }

    private static List<String> java(BrokerSettings s, Path log4j, Path log) {
        List<String> cmd = new ArrayList<>();
        cmd.add(s.javaHome().resolve("bin/java").toString());
        cmd.add("-cp");
        cmd.add(BrokerFiles.brokerClasspath());
        cmd.add("-Dlog4j2.configurationFile=" + log4j.toUri());
        cmd.add("-Drecon.broker.log=" + log);
        return cmd;
    }

    /** Whether the log, from {@code offset} on (this run's part), says the broker started. */
    private static boolean logSaysStarted(Path log, long offset) {
        try {
            if (!Files.exists(log)) {
                return false;
            }
            byte[] bytes = Files.readAllBytes(log);
            int from = (int) Math.min(offset, bytes.length);
            return new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8)
                    .contains("Kafka Server started");
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean portOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String tail(Path... files) {
        StringBuilder sb = new StringBuilder();
        for (Path f : files) {
            try {
                List<String> lines = Files.exists(f) ? Files.readAllLines(f) : List.of();
                lines.subList(Math.max(0, lines.size() - 30), lines.size())
                        .forEach(l -> sb.append(l).append('\n'));
            } catch (IOException e) {
                sb.append("(cannot read ").append(f).append(")\n");
            }
        }
        return sb.toString();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
