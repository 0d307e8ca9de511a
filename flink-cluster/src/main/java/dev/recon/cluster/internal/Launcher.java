package dev.recon.cluster.internal;

import dev.recon.cluster.ClusterSettings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts the JobManager and TaskManager JVMs on the cluster classpath, with logs and PID files. */
public final class Launcher {
    static final String JOB_MANAGER =
            "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
    static final String TASK_MANAGER = "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";
    private final ClusterSettings s;

    public Launcher(ClusterSettings s) {
        this.s = s;
    }

    /** The JobManager's process record. */
    public ClusterProcess jobManager() {
        return process("jobmanager");
    }

    /** The process record of TaskManager {@code i} (1-based). */
    public ClusterProcess taskManager(int i) {
        return process("taskmanager-" + i);
    }

    /** Starts the JobManager. */
    public ClusterProcess startJobManager() throws IOException {
        return launch(jobManager(), JOB_MANAGER, MemoryParams.jobManager(s.confDir()), List.of());
    }

    /** Starts TaskManager {@code i} with resource id {@code tm-i}. */
    public ClusterProcess startTaskManager(int i) throws IOException {
        return launch(
                taskManager(i),
                TASK_MANAGER,
                MemoryParams.taskManager(s.confDir()),
                List.of("-D", "taskmanager.resource-id=tm-" + i));
    }

    private ClusterProcess process(String name) {
        return new ClusterProcess(
                name, s.pidDir().resolve(name + ".pid"), s.logDir().resolve(name + ".log"));
    }

    private ClusterProcess launch(
            ClusterProcess p, String mainClass, MemoryParams mem, List<String> extra)
            throws IOException {
        if (p.isAlive()) {
            throw new IllegalStateException(
                    p.name()
                            + " already runs ("
                            + p.pidFile()
                            + "); run 'recon cluster stop' first");
        }
        Files.createDirectories(s.logDir());
        Files.createDirectories(s.pidDir());
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(mem.jvmArgs());
        cmd.addAll(ClusterConfig.jvmOptions(s));
        cmd.add("-Dlog.file=" + p.logFile());
        cmd.add("-Dlog4j.configurationFile=" + s.confDir().resolve("log4j.properties").toUri());
        cmd.add("-cp");
        cmd.add(classpath());
        cmd.add(mainClass);
        cmd.add("--configDir");
        cmd.add(s.confDir().toString());
        cmd.addAll(mem.dynamicArgs());
        cmd.addAll(extra);
        Path out = s.logDir().resolve(p.name() + ".out");
        ProcessBuilder pb =
                new ProcessBuilder(cmd)
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()));
        Path plugins = Files.createDirectories(s.dir().resolve("plugins"));
        pb.environment().put("FLINK_PLUGINS_DIR", plugins.toString());
        Process proc = pb.start();
        Files.writeString(p.pidFile(), Long.toString(proc.pid()));
        return p;
    }

    /** The cluster classpath written at build time by maven-dependency-plugin. */
    public static String classpath() {
        try (InputStream in =
                Launcher.class.getResourceAsStream("/dev/recon/cluster/cluster.classpath")) {
            if (in == null) {
                throw new IllegalStateException(
                        "cluster.classpath is missing from flink-cluster; build it with"
                                + " 'mvn -pl flink-cluster -am package -DskipTests' first");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
