package dev.recon.job;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.state.rocksdb.RocksDBConfigurableOptions;
import org.apache.flink.state.rocksdb.RocksDBOptions;
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
        Configuration deployed =
                ReconciliationMain.jobConfig(
                        JobOptions.parse(new String[] {"--bootstrap-servers", "x:1"}));
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

        Configuration told =
                ReconciliationMain.jobConfig(
                        JobOptions.parse(
                                new String[] {
                                    "--bootstrap-servers", "x:1",
                                    "--checkpoint-alignment", "unaligned",
                                    "--buffer-timeout-ms", "10"
                                }));
        assertThat(told.get(CheckpointingOptions.ENABLE_UNALIGNED)).isTrue();
        assertThat(told.get(ExecutionOptions.BUFFER_TIMEOUT)).isEqualTo(Duration.ofMillis(10));

        assertThat(run("--bootstrap-servers", "x:1", "--checkpoint-alignment", "loose"))
                .isEqualTo(2);
        assertThat(err()).contains("--checkpoint-alignment must be aligned or unaligned");
    }

    @Test
    void flinkOptionsGoOverTheJobsDefaults() throws Exception {
        Configuration told =
                ReconciliationMain.jobConfig(
                        JobOptions.parse(
                                new String[] {
                                    "--bootstrap-servers", "x:1",
                                    "--flink-option",
                                            "state.backend.rocksdb.compression.per.level="
                                                    + "SNAPPY_COMPRESSION",
                                    "--flink-option", "execution.buffer-timeout.interval=5 ms"
                                }));
        assertThat(told.get(RocksDBConfigurableOptions.COMPRESSION_PER_LEVEL))
                .containsExactly(CompressionType.SNAPPY_COMPRESSION);
        assertThat(told.get(ExecutionOptions.BUFFER_TIMEOUT)).isEqualTo(Duration.ofMillis(5));

        assertThat(run("--bootstrap-servers", "x:1", "--flink-option", "no-value")).isEqualTo(2);
        assertThat(err())
                .contains("--flink-option must look like key=value (a Flink configuration key)");
    }
}
