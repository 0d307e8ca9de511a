package dev.recon.cluster;

import dev.recon.cluster.internal.ClusterConfig;
import dev.recon.cluster.internal.ClusterFiles;
import dev.recon.cluster.internal.MemoryParams;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The generated conf/config.yaml holds only real Flink 2.2 options and reads back as intended. */
class ClusterConfigTest {
    @TempDir Path tmp;

    private FlinkCluster cluster() {
        return FlinkCluster.builder().setDir(tmp).setRestPort(18099).setSlots(3).build();
    }

    @Test
    void everyGeneratedKeyIsAFlinkOption() {
        Map<String, String> options = ClusterConfig.options(cluster().settings(), 6123);
        assertThat(options.keySet())
                .allSatisfy(k -> assertThat(FlinkOptionKeys.isKnown(k)).as(k).isTrue());
    }

    @Test
    void flinkReadsTheConfigFileBackWithTheIntendedValues() throws Exception {
        ClusterSettings s = cluster().settings();
        ClusterFiles.write(s, 6123);
        Configuration c = GlobalConfiguration.loadConfiguration(s.confDir().toString());
        assertThat(c.get(RestOptions.PORT)).isEqualTo(18099);
        assertThat(c.get(StateBackendOptions.STATE_BACKEND)).isEqualTo("rocksdb");
        assertThat(c.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY))
                .isEqualTo(tmp.resolve("checkpoints").toUri().toString());
        assertThat(c.get(RestartStrategyOptions.RESTART_STRATEGY)).isEqualTo("fixed-delay");
        assertThat(c.get(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY))
                .isEqualTo(Duration.ofSeconds(2));
        assertThat(FlinkCluster.attach(tmp).settings()).isEqualTo(s);
    }

    @Test
    void optionsGivenGoIntoTheConfigFileOverTheGeneratedOnes() throws Exception {
        ClusterSettings s =
                FlinkCluster.builder()
                        .setDir(tmp)
                        .setOption("execution.checkpointing.interval", "5 s")
                        .setOption("state.backend.type", "hashmap")
                        .build()
                        .settings();
        ClusterFiles.write(s, 6123);
        Configuration c = GlobalConfiguration.loadConfiguration(s.confDir().toString());
        assertThat(c.get(CheckpointingOptions.CHECKPOINTING_INTERVAL))
                .isEqualTo(Duration.ofSeconds(5));
        assertThat(c.get(StateBackendOptions.STATE_BACKEND))
                .as("over the generated rocksdb")
                .isEqualTo("hashmap");
        assertThat(FlinkCluster.attach(tmp).settings().flinkOptions())
                .containsEntry("execution.checkpointing.interval", "5 s")
                .containsEntry("state.backend.type", "hashmap");
        assertThatThrownBy(() -> FlinkCluster.builder().setOption("state.backend.type", " "))
                .hasMessageContaining("a Flink option needs a key and a value");
    }

    @Test
    void memoryFitsASmallMachineAndIsPassedAsFlinkScriptsWould() throws Exception {
        ClusterSettings s = cluster().settings();
        ClusterFiles.write(s, 6123);
        MemoryParams tm = MemoryParams.taskManager(s.confDir());
        assertThat(tm.jvmArgs()).anySatisfy(a -> assertThat(a).startsWith("-Xmx"));
        assertThat(tm.dynamicArgs())
                .contains("-D")
                .anySatisfy(a -> assertThat(a).startsWith("taskmanager.memory.managed.size="));
        assertThat(MemoryParams.jobManager(s.confDir()).jvmArgs())
                .anySatisfy(a -> assertThat(a).startsWith("-Xmx"));
    }

    @Test
    void badSettingsSayWhatToSet() {
        assertThatThrownBy(() -> FlinkCluster.builder().setTaskManagerMemory("lots"))
                .hasMessageContaining("1280m");
        assertThatThrownBy(() -> FlinkCluster.builder().setTaskManagers(0))
                .hasMessageContaining("task managers must be 1..16");
        assertThatThrownBy(() -> FlinkCluster.attach(tmp.resolve("none")))
                .hasMessageContaining("recon cluster start");
    }
}
