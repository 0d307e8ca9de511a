package dev.recon.cluster;

import dev.recon.cluster.internal.CliSubmit;
import dev.recon.cluster.internal.ClusterFiles;
import dev.recon.cluster.internal.ClusterProcess;
import dev.recon.cluster.internal.Jobs;
import dev.recon.cluster.internal.Launcher;
import dev.recon.cluster.internal.RestApi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A standalone Flink session cluster on this machine: one JobManager and N TaskManagers, each its
 * own JVM running Flink's entry points on Flink's jars from Maven Central, with PID files and logs
 * under one folder. Jobs are submitted with Flink's CLI and watched through the REST API.
 *
 * <pre>{@code
 * try (FlinkCluster cluster = FlinkCluster.builder().setTaskManagers(2).build().start()) {
 *     String jobId = cluster.submit(jar, List.of("--bootstrap-servers", servers));
 *     cluster.killTaskManager(1); // kill -9
 * }
 * }</pre>
 */
public final class FlinkCluster implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private final ClusterSettings settings;
    private final Launcher launcher;
    private final RestApi rest;
    private final Jobs jobs;

    FlinkCluster(ClusterSettings settings) {
        this.settings = settings;
        this.launcher = new Launcher(settings);
        this.rest = new RestApi(settings.restPort());
        this.jobs = new Jobs(rest);
    }

    /** Returns a builder; every setting has a default for a 2-core laptop. */
    public static FlinkClusterBuilder builder() {
        return new FlinkClusterBuilder();
    }

    /** The cluster a previous {@code start()} left running in {@code dir}. */
    public static FlinkCluster attach(Path dir) {
        return new FlinkCluster(ClusterFiles.readSettings(dir.toAbsolutePath().normalize()));
    }

    /** Writes conf/, starts the JobManager and TaskManagers, waits until all registered. */
    public FlinkCluster start() throws IOException {
        if (rest.isUp()) {
            throw new IllegalStateException(
                    "something already answers on "
                            + rest.url()
                            + "; stop it ('recon cluster stop') or choose another --rest-port");
        }
        ClusterFiles.write(settings, freePort());
        try {
            launcher.startJobManager();
            for (int i = 1; i <= settings.taskManagers(); i++) {
                launcher.startTaskManager(i);
            }
            awaitTaskManagers(settings.taskManagers(), START_TIMEOUT);
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
        return this;
    }

    /** Submits a job jar detached; returns its job id once the job runs. */
    public String submit(Path jar, List<String> args) throws IOException {
        return submit(jar, args, null);
    }

    /** Submits a job jar restored from a savepoint (or retained checkpoint), or fresh if null. */
    public String submit(Path jar, List<String> args, String savepoint) throws IOException {
        ClusterFiles.requireJar(jar);
        List<String> restore = savepoint == null ? List.of() : List.of("-s", savepoint);
        return CliSubmit.run(settings, jar, args, restore);
    }

    /** The job's Flink status, e.g. {@code RUNNING}. */
    public String jobStatus(String jobId) throws IOException {
        return jobs.info(jobId).state();
    }

    /** The job's status, tasks and checkpoint counts. */
    public JobInfo jobInfo(String jobId) throws IOException {
        return jobs.info(jobId);
    }

    /** Waits until every subtask of the job runs. */
    public JobInfo awaitRunning(String jobId, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JobInfo info = jobs.info(jobId);
        while (!info.fullyRunning()) {
            if (System.nanoTime() > deadline) {
                throw new IOException(
                        "job " + jobId + " is not fully running after " + timeout + ": " + info);
            }
            sleep(100);
            info = jobs.info(jobId);
        }
        return info;
    }

    /** The registered TaskManagers with their slots. */
    public List<TaskManagerInfo> taskManagers() throws IOException {
        return jobs.taskManagers();
    }

    /** {@code kill -9} of TaskManager {@code i} (1-based), for drills; returns its PID. */
    public long killTaskManager(int i) {
        if (i < 1 || i > settings.taskManagers()) {
            throw new IllegalArgumentException(
                    "task manager must be 1.." + settings.taskManagers() + ", got " + i);
        }
        return launcher.taskManager(i).kill();
    }

    /** Starts TaskManager {@code i} again (after a kill). */
    public void restartTaskManager(int i) throws IOException {
        launcher.startTaskManager(i);
    }

    /** Stops the job with a savepoint under the cluster's savepoint folder; returns its path. */
    public String stopWithSavepoint(String jobId) throws IOException {
        return jobs.stopWithSavepoint(
                jobId, settings.savepointDir().toUri().toString(), Duration.ofMinutes(2));
    }

    /** Cancels the job; its latest checkpoint is retained. */
    public void cancel(String jobId) throws IOException {
        jobs.cancel(jobId);
    }

    /** The web UI (and REST API) URL. */
    public String webUrl() {
        return rest.url();
    }

    /** The settings in force. */
    public ClusterSettings settings() {
        return settings;
    }

    /** Every process of the cluster: the JobManager first. */
    public List<ClusterProcess> processes() {
        List<ClusterProcess> all = new ArrayList<>();
        all.add(launcher.jobManager());
        for (int i = 1; i <= settings.taskManagers(); i++) {
            all.add(launcher.taskManager(i));
        }
        return all;
    }

    /** Stops the TaskManagers, then the JobManager: SIGTERM, then SIGKILL after 15 s. */
    @Override
    public void close() {
        List<ClusterProcess> all = processes();
        for (int i = all.size() - 1; i >= 0; i--) {
            all.get(i).stop(15);
        }
    }

    private void awaitTaskManagers(int n, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (ClusterProcess p : processes()) {
                if (!p.isAlive()) {
                    throw new IOException(p.name() + " exited:\n" + ClusterFiles.tail(p));
                }
            }
            if (rest.isUp() && jobs.taskManagers().size() >= n) {
                return;
            }
            sleep(200);
        }
        throw new IOException(
                "fewer than "
                        + n
                        + " TaskManagers registered within "
                        + timeout
                        + "; see "
                        + settings.logDir());
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
