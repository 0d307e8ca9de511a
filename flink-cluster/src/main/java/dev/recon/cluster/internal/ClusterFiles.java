package dev.recon.cluster.internal;

import dev.recon.cluster.ClusterSettings;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** The cluster folder: conf/config.yaml, conf/log4j.properties and the settings for attach. */
public final class ClusterFiles {
    private static final String SETTINGS = "cluster.properties";

    private ClusterFiles() {}

    /** Creates the folders and writes the configuration. */
    public static void write(ClusterSettings s, int rpcPort) throws IOException {
        for (Path d :
                List.of(
                        s.confDir(),
                        s.logDir(),
                        s.pidDir(),
                        s.checkpointDir(),
                        s.savepointDir(),
                        s.dir().resolve("tmp"),
                        s.dir().resolve("web-upload"))) {
            Files.createDirectories(d);
        }
        Files.writeString(
                s.confDir().resolve("config.yaml"),
                ClusterConfig.toYaml(ClusterConfig.options(s, rpcPort)));
        try (InputStream in =
                ClusterFiles.class.getResourceAsStream("/dev/recon/cluster/log4j.properties")) {
            Files.write(s.confDir().resolve("log4j.properties"), in.readAllBytes());
        }
        Properties p = new Properties();
        p.setProperty("task-managers", Integer.toString(s.taskManagers()));
        p.setProperty("slots", Integer.toString(s.slots()));
        p.setProperty("rest-port", Integer.toString(s.restPort()));
        p.setProperty("job-manager-memory", s.jobManagerMemory());
        p.setProperty("task-manager-memory", s.taskManagerMemory());
        p.setProperty("managed-fraction", Double.toString(s.managedFraction()));
        p.setProperty("metrics-ports", s.metricsPorts());
        p.setProperty("heartbeat-timeout-ms", Long.toString(s.heartbeatTimeout().toMillis()));
        p.setProperty("java-options", String.join("\u001f", s.javaOptions()));
        List<String> flink = new ArrayList<>();
        s.flinkOptions().forEach((k, v) -> flink.add(k + "=" + v));
        p.setProperty("flink-options", String.join("\u001f", flink));
        try (Writer w = Files.newBufferedWriter(s.dir().resolve(SETTINGS))) {
            p.store(w, "recon cluster settings");
        }
    }

    /** The settings a previous start wrote into {@code dir}. */
    public static ClusterSettings readSettings(Path dir) {
        Path file = dir.resolve(SETTINGS);
        if (!Files.exists(file)) {
            throw new IllegalStateException(
                    "no cluster in "
                            + dir
                            + " ("
                            + file
                            + " is missing); start one with 'recon cluster start'");
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String opts = p.getProperty("java-options", "");
        return new ClusterSettings(
                dir,
                Integer.parseInt(p.getProperty("task-managers")),
                Integer.parseInt(p.getProperty("slots")),
                Integer.parseInt(p.getProperty("rest-port")),
                p.getProperty("job-manager-memory"),
                p.getProperty("task-manager-memory"),
                Double.parseDouble(p.getProperty("managed-fraction")),
                p.getProperty("metrics-ports"),
                Duration.ofMillis(Long.parseLong(p.getProperty("heartbeat-timeout-ms"))),
                opts.isEmpty() ? List.of() : List.of(opts.split("\u001f")),
                flinkOptions(p.getProperty("flink-options", "")));
    }

    private static Map<String, String> flinkOptions(String joined) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String kv : joined.isEmpty() ? new String[0] : joined.split("\u001f")) {
            int eq = kv.indexOf('=');
            m.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        return m;
    }

    /** Fails with what to do when the job jar is missing. */
    public static void requireJar(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException(
                    "job jar "
                            + jar
                            + " not found; build it with 'mvn -pl reconciliation-job -am package -DskipTests'");
        }
    }

    /** The last lines of a process's .out file and log. */
    public static String tail(ClusterProcess p) {
        StringBuilder sb = new StringBuilder();
        Path out = p.logFile().resolveSibling(p.name() + ".out");
        for (Path f : List.of(out, p.logFile())) {
            try {
                List<String> lines = Files.exists(f) ? Files.readAllLines(f) : List.of();
                sb.append("--- ").append(f).append('\n');
                lines.subList(Math.max(0, lines.size() - 25), lines.size())
                        .forEach(l -> sb.append(l).append('\n'));
            } catch (IOException e) {
                sb.append("(cannot read ").append(f).append(")\n");
            }
        }
        return sb.toString();
    }
}
