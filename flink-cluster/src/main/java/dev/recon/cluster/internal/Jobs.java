package dev.recon.cluster.internal;

import dev.recon.cluster.JobInfo;
import dev.recon.cluster.TaskManagerInfo;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Job and TaskManager queries and commands over the REST API. */
public final class Jobs {
    private final RestApi rest;

    public Jobs(RestApi rest) {
        this.rest = rest;
    }

    /** The job's status, tasks and checkpoint counts. */
    public JobInfo info(String jobId) throws IOException {
        JsonNode job = rest.get("/jobs/" + jobId);
        int running = 0;
        int total = 0;
        for (JsonNode v : job.path("vertices")) {
            total += v.path("parallelism").asInt();
            running += v.path("tasks").path("RUNNING").asInt();
        }
        JsonNode counts = rest.get("/jobs/" + jobId + "/checkpoints").path("counts");
        return new JobInfo(
                job.path("state").asText(),
                running,
                total,
                counts.path("completed").asLong(),
                counts.path("restored").asLong());
    }

    /** The registered TaskManagers. */
    public List<TaskManagerInfo> taskManagers() throws IOException {
        List<TaskManagerInfo> out = new ArrayList<>();
        for (JsonNode tm : rest.get("/taskmanagers").path("taskmanagers")) {
            out.add(
                    new TaskManagerInfo(
                            tm.path("id").asText(),
                            tm.path("slotsNumber").asInt(),
                            tm.path("freeSlots").asInt()));
        }
        return out;
    }

    /** Stops the job with a savepoint into {@code targetDir}; returns the savepoint path. */
    public String stopWithSavepoint(String jobId, String targetDir, Duration timeout)
            throws IOException {
        JsonNode trigger =
                rest.post(
                        "/jobs/" + jobId + "/stop",
                        Map.of("targetDirectory", targetDir, "drain", false));
        String requestId = trigger.path("request-id").asText();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode r = rest.get("/jobs/" + jobId + "/savepoints/" + requestId);
            if ("COMPLETED".equals(r.path("status").path("id").asText())) {
                JsonNode op = r.path("operation");
                if (op.has("location")) {
                    awaitTerminal(jobId, deadline);
                    return op.path("location").asText();
                }
                throw new IOException("stop with savepoint failed: " + op.path("failure-cause"));
            }
            sleep(200);
        }
        throw new IOException("stop with savepoint of " + jobId + " did not finish in " + timeout);
    }

    /** The savepoint completes a moment before the job reaches FINISHED: wait for that. */
    private void awaitTerminal(String jobId, long deadline) throws IOException {
        while (!List.of("FINISHED", "CANCELED", "FAILED").contains(info(jobId).state())) {
            if (System.nanoTime() > deadline) {
                throw new IOException("job " + jobId + " did not stop after its savepoint");
            }
            sleep(100);
        }
    }

    /** Cancels the job (its last checkpoint is retained: the job asks for it). */
    public void cancel(String jobId) throws IOException {
        rest.patch("/jobs/" + jobId + "?mode=cancel");
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
