package dev.recon.cluster;

import dev.recon.cluster.internal.ClusterProcess;
import dev.recon.cluster.internal.RestApi;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;

/** The human-readable status of a cluster: processes, TaskManagers, jobs, URLs, folders. */
final class ClusterStatus {
    private ClusterStatus() {}

    static String format(FlinkCluster cluster) {
        StringBuilder sb = new StringBuilder();
        for (ClusterProcess p : cluster.processes()) {
            String pid = p.handle().map(h -> "pid " + h.pid()).orElse("not running");
            sb.append(String.format("%-15s %-16s log %s%n", p.name(), pid, p.logFile()));
        }
        try {
            for (TaskManagerInfo tm : cluster.taskManagers()) {
                sb.append(
                        String.format(
                                "registered      %-6s slots %d, %d in use%n",
                                tm.id(), tm.slots(), tm.usedSlots()));
            }
            JsonNode jobs = new RestApi(cluster.settings().restPort()).get("/jobs/overview");
            for (JsonNode j : jobs.path("jobs")) {
                sb.append(
                        String.format(
                                "job             %s %-10s %s%n",
                                j.path("jid").asText(),
                                j.path("state").asText(),
                                j.path("name").asText()));
            }
            sb.append("web UI          ").append(cluster.webUrl()).append('\n');
        } catch (IOException e) {
            sb.append("REST API        not answering at ").append(cluster.webUrl()).append('\n');
        }
        sb.append("metrics         Prometheus on 127.0.0.1:")
                .append(cluster.settings().metricsPorts())
                .append(" (one port per process)\n");
        sb.append("checkpoints     ").append(cluster.settings().checkpointDir()).append('\n');
        sb.append("savepoints      ").append(cluster.settings().savepointDir()).append('\n');
        return sb.toString();
    }
}
