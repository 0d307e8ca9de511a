package dev.recon.cluster.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One cluster JVM known by its PID file, so that a later command (stop, kill-tm) finds it after the
 * starting command has exited.
 *
 * @param name {@code jobmanager} or {@code taskmanager-N}
 * @param pidFile where its PID is kept
 * @param logFile its Flink log
 */
public record ClusterProcess(String name, Path pidFile, Path logFile) {

    /** The live process, if the PID file names one. */
    public Optional<ProcessHandle> handle() {
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether the process runs. */
    public boolean isAlive() {
        return handle().isPresent();
    }

    /** SIGKILL ({@code kill -9}): no shutdown hooks run; returns the PID killed. */
    public long kill() {
        ProcessHandle h =
                handle().orElseThrow(
                                () ->
                                        new IllegalStateException(
                                                name + " is not running (" + pidFile + ")"));
        h.destroyForcibly();
        await(h, 10);
        return h.pid();
    }

    /** SIGTERM, then SIGKILL after {@code graceSeconds}; removes the PID file. */
    public void stop(long graceSeconds) {
        handle().ifPresent(
                        h -> {
                            h.destroy();
                            if (!await(h, graceSeconds)) {
                                h.destroyForcibly();
                                await(h, 10);
                            }
                        });
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            System.err.println("could not delete " + pidFile + ": " + e.getMessage());
        }
    }

    private static boolean await(ProcessHandle h, long seconds) {
        try {
            h.onExit().get(seconds, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return !h.isAlive();
        }
    }
}
