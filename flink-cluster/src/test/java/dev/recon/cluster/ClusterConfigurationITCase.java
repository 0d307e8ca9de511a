package dev.recon.cluster;

import dev.recon.cluster.internal.RestApi;
import dev.recon.kafka.KafkaBroker;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cluster's configuration under {@code flink run}: a key the cluster sets goes over the job's
 * default for it, and a flag given on the job's command line goes over the cluster's key.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ClusterConfigurationITCase {
    @TempDir Path tmp;

    @Test
    void theClustersCheckpointIntervalGoesOverTheJobsDefaultAndAGivenFlagOverIt() throws Exception {
        try (KafkaBroker broker = KafkaBroker.builder().build().start();
                FlinkCluster cluster =
                        FlinkCluster.builder()
                                .setDir(tmp.resolve("cluster"))
                                .setTaskManagers(1)
                                .setRestPort(0)
                                .setMetricsPorts("29351-29399")
                                .setOption("execution.checkpointing.interval", "7 s")
                                .build()
                                .start()) {
            String servers = broker.bootstrapServers();
            broker.createTopics(2, FaultDrill.TOPICS);
            RestApi rest = new RestApi(URI.create(cluster.webUrl()).getPort());
            List<String> args = List.of("--bootstrap-servers", servers, "--parallelism", "1");

            String byDefault = cluster.submit(JobJar.path(), args);
            cluster.awaitRunning(byDefault, Duration.ofSeconds(90));
            JsonNode config = rest.get("/jobs/" + byDefault + "/checkpoints/config");
            assertThat(config.path("interval").asLong())
                    .as("the cluster's 7 s, not the job's default of 10 s: %s", config)
                    .isEqualTo(7_000);
            assertThat(config.path("state_backend").asText())
                    .isEqualTo("EmbeddedRocksDBStateBackend");
            cluster.cancel(byDefault);

            List<String> told = new java.util.ArrayList<>(args);
            told.addAll(List.of("--checkpoint-interval-ms", "2000"));
            String byFlag = cluster.submit(JobJar.path(), told);
            cluster.awaitRunning(byFlag, Duration.ofSeconds(90));
            assertThat(
                            rest.get("/jobs/" + byFlag + "/checkpoints/config")
                                    .path("interval")
                                    .asLong())
                    .as("the flag given on the command line, over the cluster's key")
                    .isEqualTo(2_000);
        }
    }
}
