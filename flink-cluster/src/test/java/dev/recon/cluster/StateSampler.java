package dev.recon.cluster;

import dev.recon.cluster.internal.RestApi;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Samples a job's checkpoint size, pending entries and TaskManager heap over the REST API. */
final class StateSampler {
    private final FlinkCluster cluster;
    private final RestApi rest;
    private final String jobId;
    private final long startNanos = System.nanoTime();

    StateSampler(FlinkCluster cluster, String jobId) {
        this.cluster = cluster;
        this.rest = new RestApi(URI.create(cluster.webUrl()).getPort());
        this.jobId = jobId;
    }

    StateSample sample() throws IOException {
        JsonNode latest = rest.get("/jobs/" + jobId + "/checkpoints").path("latest");
        return new StateSample(
                (System.nanoTime() - startNanos) / 1e9,
                latest.path("completed").path("state_size").asLong(),
                dirSize(cluster.settings().checkpointDir().resolve(jobId)),
                operatorMetricSum("pendingEntries"),
                heapUsed(),
                operatorMetricSum("eventsIn"));
    }

    /** Sum over every vertex and subtask of the operator metrics whose name ends so. */
    private long operatorMetricSum(String suffix) throws IOException {
        long sum = 0;
        for (JsonNode v : rest.get("/jobs/" + jobId).path("vertices")) {
            String base = "/jobs/" + jobId + "/vertices/" + v.path("id").asText();
            StringBuilder names = new StringBuilder();
            for (JsonNode m : rest.get(base + "/subtasks/metrics")) {
                if (m.path("id").asText().endsWith(suffix)) {
                    names.append(names.isEmpty() ? "" : ",").append(m.path("id").asText());
                }
            }
            if (!names.isEmpty()) {
                for (JsonNode m : rest.get(base + "/subtasks/metrics?agg=sum&get=" + names)) {
                    sum += (long) m.path("sum").asDouble();
                }
            }
        }
        return sum;
    }

    private long heapUsed() throws IOException {
        long sum = 0;
        for (TaskManagerInfo tm : cluster.taskManagers()) {
            String path = "/taskmanagers/" + tm.id() + "/metrics?get=Status.JVM.Memory.Heap.Used";
            for (JsonNode m : rest.get(path)) {
                sum += Long.parseLong(m.path("value").asText("0"));
            }
        }
        return sum;
    }

    private static long dirSize(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(StateSampler::size).sum();
        } catch (IOException | UncheckedIOException e) {
            return -1; // a checkpoint was deleted while walking; the next sample counts again
        }
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            return 0;
        }
    }
}
