package dev.recon.job;

import org.apache.flink.client.program.StreamContextEnvironment;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.execution.DefaultExecutorServiceLoader;
import org.apache.flink.state.rocksdb.RocksDBConfigurableOptions;
import org.apache.flink.state.rocksdb.RocksDBOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.rocksdb.CompressionType;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Tests for {@link ReconciliationMain}: bad command lines and an unreachable broker. */
class ReconciliationMainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) throws Exception {
        return ReconciliationMain.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpListsEveryFlagAndExitsZero() throws Exception {
        assertThat(run("--help")).isZero();
        String help = out.toString(StandardCharsets.UTF_8);
        JobOptions.FLAGS.forEach(f -> assertThat(help).contains("--" + f.name()));
    }

    @Test
    void misspelledFlagSuggestsTheRightOne() throws Exception {
        assertThat(run("--bootstrap-server", "x:1")).isEqualTo(2);
        assertThat(err())
                .contains("unknown flag --bootstrap-server")
                .contains("did you mean --bootstrap-servers?");
    }

    @Test
    void missingBootstrapServersSaysWhatToSet() throws Exception {
        assertThat(run()).isEqualTo(2);
        assertThat(err()).contains("--bootstrap-servers is required");
    }

    @Test
    void badNumbersAndTolerancesAreNamed() throws Exception {
        assertThat(run("--bootstrap-servers", "x:1", "--deadline-ms", "soon")).isEqualTo(2);
        assertThat(err()).contains("--deadline-ms must be a whole number, got 'soon'");
        assertThat(run("--bootstrap-servers", "x:1", "--amount-tolerance", "5%")).isEqualTo(2);
        assertThat(err()).contains("--amount-tolerance").contains("10bps");
        assertThat(run("--bootstrap-servers", "x:1", "--starting-offsets", "first")).isEqualTo(2);
        assertThat(err()).contains("earliest, latest or committed");
        assertThat(run("--bootstrap-servers", "x:1", "--kafka-property", "novalue")).isEqualTo(2);
        assertThat(err()).contains("key=value");
    }

    @Test
    void secretsInKafkaPropertiesNeverAppearInOptionsText() throws Exception {
        JobOptions o =
                JobOptions.parse(
                        new String[] {
                            "--bootstrap-servers",
                            "x:1",
                            "--kafka-property",
                            "sasl.jaas.config=secret-password"
                        });
        assertThat(o.kafkaProperties().getProperty("sasl.jaas.config"))
                .isEqualTo("secret-password");
        assertThat(o.toString()).contains("sasl.jaas.config").doesNotContain("secret-password");
    }

    @Test
    void checkpointsAreAlignedAndBuffersFlushWithin100MsUnlessToldOtherwise() throws Exception {
        Configuration deployed = jobConfig("--bootstrap-servers", "x:1");
        assertThat(deployed.get(CheckpointingOptions.ENABLE_UNALIGNED)).isFalse();
        assertThat(deployed.get(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE))
                .isEqualTo(CheckpointingMode.EXACTLY_ONCE);
        assertThat(deployed.get(ExecutionOptions.BUFFER_TIMEOUT)).isEqualTo(Duration.ofMillis(100));
        assertThat(deployed.get(RocksDBOptions.USE_PARTITIONED_INDEX_FILTERS)).isTrue();
        assertThat(deployed.get(RocksDBConfigurableOptions.COMPRESSION_PER_LEVEL))
                .as("no compression in L0 and L1: shorter checkpoint flushes")
                .containsExactly(
                        CompressionType.NO_COMPRESSION,
                        CompressionType.NO_COMPRESSION,
                        CompressionType.SNAPPY_COMPRESSION);
        assertThat(deployed.get(RocksDBConfigurableOptions.WRITE_BUFFER_SIZE))
                .as("8 MB write buffers: a checkpoint flushes at most 8 MB per column family")
                .isEqualTo(MemorySize.parse("8 mb"));

        Configuration told =
                jobConfig(
                        "--bootstrap-servers",
                        "x:1",
                        "--checkpoint-alignment",
                        "unaligned",
                        "--buffer-timeout-ms",
                        "10");
        assertThat(told.get(CheckpointingOptions.ENABLE_UNALIGNED)).isTrue();
        assertThat(told.get(ExecutionOptions.BUFFER_TIMEOUT)).isEqualTo(Duration.ofMillis(10));

        assertThat(run("--bootstrap-servers", "x:1", "--checkpoint-alignment", "loose"))
                .isEqualTo(2);
        assertThat(err()).contains("--checkpoint-alignment must be aligned or unaligned");
    }

    @Test
    void flinkOptionsGoOverTheJobsDefaults() throws Exception {
        Configuration told =
                jobConfig(
                        "--bootstrap-servers",
                        "x:1",
                        "--flink-option",
                        "state.backend.rocksdb.compression.per.level=SNAPPY_COMPRESSION",
                        "--flink-option",
                        "execution.buffer-timeout.interval=5 ms");
        assertThat(told.get(RocksDBConfigurableOptions.COMPRESSION_PER_LEVEL))
                .containsExactly(CompressionType.SNAPPY_COMPRESSION);
        assertThat(told.get(ExecutionOptions.BUFFER_TIMEOUT)).isEqualTo(Duration.ofMillis(5));

        assertThat(run("--bootstrap-servers", "x:1", "--flink-option", "no-value")).isEqualTo(2);
        assertThat(err())
                .contains("--flink-option must look like key=value (a Flink configuration key)");
    }

    @Test
    void theClustersConfigurationGoesOverTheJobsDefaultsAndGivenFlagsGoOverIt() throws Exception {
        Configuration cluster = new Configuration(); // what flink run reads: config.yaml and -D
        cluster.setString("execution.checkpointing.interval", "30 s");
        cluster.setString("execution.buffer-timeout.interval", "50 ms");
        cluster.setString("state.backend.rocksdb.compression.per.level", "SNAPPY_COMPRESSION");
        cluster.setString("execution.checkpointing.unaligned.enabled", "true");
        cluster.setString("state.backend.rocksdb.writebuffer.size", "64 mb");

        ReadableConfig env = underFlinkRun(cluster, "--bootstrap-servers", "x:1");
        assertThat(env.get(CheckpointingOptions.CHECKPOINTING_INTERVAL))
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(env.get(ExecutionOptions.BUFFER_TIMEOUT)).isEqualTo(Duration.ofMillis(50));
        assertThat(env.get(RocksDBConfigurableOptions.COMPRESSION_PER_LEVEL))
                .containsExactly(CompressionType.SNAPPY_COMPRESSION);
        assertThat(env.get(CheckpointingOptions.ENABLE_UNALIGNED)).isTrue();
        assertThat(env.get(RocksDBConfigurableOptions.WRITE_BUFFER_SIZE))
                .isEqualTo(MemorySize.parse("64 mb"));
        assertThat(env.get(RocksDBOptions.USE_PARTITIONED_INDEX_FILTERS))
                .as("a default the cluster does not set stays")
                .isTrue();
        assertThat(env.get(PipelineOptions.GENERIC_TYPES)).isFalse();
        assertThat(env.get(PipelineOptions.OBJECT_REUSE)).as("the job's default").isTrue();
        assertThat(
                        ReconciliationMain.jobConfig(
                                        JobOptions.parse(
                                                new String[] {"--bootstrap-servers", "x:1"}),
                                        cluster)
                                .fromCluster())
                .as("printed at submission")
                .containsExactlyInAnyOrder(
                        "execution.checkpointing.interval",
                        "execution.buffer-timeout.interval",
                        "state.backend.rocksdb.compression.per.level",
                        "execution.checkpointing.unaligned.enabled",
                        "state.backend.rocksdb.writebuffer.size");

        ReadableConfig told =
                underFlinkRun(
                        cluster,
                        "--bootstrap-servers",
                        "x:1",
                        "--checkpoint-interval-ms",
                        "2000",
                        "--buffer-timeout-ms",
                        "10",
                        "--checkpoint-alignment",
                        "aligned",
                        "--flink-option",
                        "state.backend.rocksdb.compression.per.level=NO_COMPRESSION");
        assertThat(told.get(CheckpointingOptions.CHECKPOINTING_INTERVAL))
                .isEqualTo(Duration.ofSeconds(2));
        assertThat(told.get(ExecutionOptions.BUFFER_TIMEOUT)).isEqualTo(Duration.ofMillis(10));
        assertThat(told.get(CheckpointingOptions.ENABLE_UNALIGNED)).isFalse();
        assertThat(told.get(RocksDBConfigurableOptions.COMPRESSION_PER_LEVEL))
                .containsExactly(CompressionType.NO_COMPRESSION);
    }

    @Test
    void objectReuseIsOnUnlessTheClusterOrAFlinkOptionTurnsItOff() throws Exception {
        Configuration plain = jobConfig("--bootstrap-servers", "x:1");
        assertThat(plain.get(PipelineOptions.OBJECT_REUSE)).isTrue();

        Configuration cluster = new Configuration();
        cluster.setString("pipeline.object-reuse", "false");
        assertThat(
                        underFlinkRun(cluster, "--bootstrap-servers", "x:1")
                                .get(PipelineOptions.OBJECT_REUSE))
                .as("the cluster's config.yaml goes over the job's default")
                .isFalse();

        Configuration told =
                jobConfig(
                        "--bootstrap-servers",
                        "x:1",
                        "--flink-option",
                        "pipeline.object-reuse=false");
        assertThat(told.get(PipelineOptions.OBJECT_REUSE)).isFalse();
    }

    @Test
    void aZeroIntervalCannotTurnOffTheClustersCheckpoints() throws Exception {
        Configuration cluster = new Configuration();
        cluster.setString("execution.checkpointing.interval", "30 s");
        asFlinkRunContext(cluster);
        try {
            assertThat(run("--bootstrap-servers", "x:1", "--checkpoint-interval-ms", "0"))
                    .isEqualTo(2);
        } finally {
            StreamContextEnvironment.unsetAsContext();
        }
        assertThat(err())
                .contains(
                        "--checkpoint-interval-ms 0 cannot turn off the checkpoints the cluster's"
                                + " configuration sets (execution.checkpointing.interval: 30000"
                                + " ms)");
    }

    /** Makes getExecutionEnvironment() return what flink run gives a job's main. */
    private void asFlinkRunContext(Configuration cluster) {
        StreamContextEnvironment.setAsContext(
                new DefaultExecutorServiceLoader(),
                cluster,
                getClass().getClassLoader(),
                false,
                true);
    }

    /** The environment's configuration as the job's main builds it under flink run. */
    /** The job's configuration for {@code args}, as {@code main} builds it locally. */
    private static Configuration jobConfig(String... args) throws Exception {
        return ReconciliationMain.jobConfig(JobOptions.parse(args));
    }

    private ReadableConfig underFlinkRun(Configuration cluster, String... args) throws Exception {
        asFlinkRunContext(cluster);
        try {
            JobConfig config = ReconciliationMain.layered(JobOptions.parse(args));
            StreamExecutionEnvironment env =
                    StreamExecutionEnvironment.getExecutionEnvironment(config.configuration());
            assertThat(env).isInstanceOf(StreamContextEnvironment.class);
            return env.getConfiguration();
        } finally {
            StreamContextEnvironment.unsetAsContext();
        }
    }
}
