package dev.recon.cluster;

import dev.recon.kafka.KafkaBroker;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Stop with a savepoint, then a new job starts from it: the upgrade path of the job jar. */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ClusterSavepointITCase {
    @TempDir Path tmp;

    @Test
    void stoppedJobsSavepointStartsTheNextJob() throws Exception {
        Path jar = JobJar.path();
        try (KafkaBroker broker = KafkaBroker.builder().build().start();
                FlinkCluster cluster =
                        FlinkCluster.builder()
                                .setDir(tmp.resolve("cluster"))
                                .setTaskManagers(1)
                                .setRestPort(0)
                                .setMetricsPorts("29301-29350")
                                .build()
                                .start()) {
            broker.createTopics(
                    2,
                    "payments",
                    "bills",
                    "alerts",
                    "dead-letters",
                    "rules-control",
                    "rules-audit");
            List<String> args =
                    List.of(
                            "--bootstrap-servers",
                            broker.bootstrapServers(),
                            "--parallelism",
                            "2",
                            "--checkpoint-interval-ms",
                            "1000",
                            "--group-id",
                            "savepoint-itcase");
            String first = cluster.submit(jar, args);
            cluster.awaitRunning(first, Duration.ofSeconds(90));

            String savepoint = cluster.stopWithSavepoint(first);
            assertThat(Path.of(java.net.URI.create(savepoint)).resolve("_metadata")).exists();
            assertThat(cluster.jobStatus(first)).isEqualTo("FINISHED");

            String second = cluster.submit(jar, args, savepoint);
            JobInfo info = cluster.awaitRunning(second, Duration.ofSeconds(90));
            assertThat(second).isNotEqualTo(first);
            assertThat(info.restoredCheckpoints()).as("restored from the savepoint").isEqualTo(1);
            assertThat(Files.list(cluster.settings().savepointDir())).hasSize(1);
        }
    }
}
