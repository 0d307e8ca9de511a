package dev.recon.cluster.internal;

import dev.recon.cluster.ClusterSettings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Submits a job jar detached with Flink's own {@code CliFrontend} in a client JVM: the job's main
 * (and its Kafka pre-flight check) runs there, not in the JobManager.
 */
public final class CliSubmit {
    private static final Pattern JOB_ID = Pattern.compile("JobID ([0-9a-f]{32})");
    private static final String CLI = "org.apache.flink.client.cli.CliFrontend";

    private CliSubmit() {}

    /** Runs {@code flink run -d jar args} against the cluster; returns the job id. */
    public static String run(ClusterSettings s, Path jar, List<String> args, List<String> savepoint)
            throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx512m");
        cmd.addAll(ClusterConfig.jvmOptions(s));
        cmd.add("-Dlog.file=" + s.logDir().resolve("client.log"));
        cmd.add("-Dlog4j.configurationFile=" + s.confDir().resolve("log4j.properties").toUri());
        cmd.addAll(List.of("-cp", Launcher.classpath(), CLI, "run", "-d"));
        cmd.addAll(savepoint);
        cmd.add(jar.toAbsolutePath().toString());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("FLINK_CONF_DIR", s.confDir().toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException("the submission did not finish within 5 minutes:\n" + out);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while submitting", e);
        }
        Matcher m = JOB_ID.matcher(out);
        if (p.exitValue() != 0 || !m.find()) {
            throw new IOException(
                    "submitting " + jar + " failed (exit " + p.exitValue() + "):\n" + tail(out));
        }
        return m.group(1);
    }

    private static String tail(String out) {
        String[] lines = out.split("\n");
        int from = Math.max(0, lines.length - 40);
        return String.join("\n", java.util.Arrays.copyOfRange(lines, from, lines.length));
    }
}
