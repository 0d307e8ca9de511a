package dev.recon.loadgen;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Tests for {@link LoadGenMain} when no broker answers: a clear error, quickly. */
class LoadGenMainITCase {
    @TempDir Path dir;

    private static String deadAddress() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return "127.0.0.1:" + s.getLocalPort();
        }
    }

    @Test
    void generateFailsFastWhenKafkaIsUnreachable() throws Exception {
        String servers = deadAddress();
        long start = System.nanoTime();
        CliRun run =
                CliRun.of(
                        "generate",
                        "--bootstrap-servers",
                        servers,
                        "--events",
                        "10",
                        "--ground-truth",
                        dir.resolve("gt.jsonl").toString());
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(run.exitCode()).isEqualTo(LoadGenMain.ERROR);
        assertThat(run.err()).contains("cannot reach Kafka at " + servers);
        assertThat(seconds).isLessThan(15);
        assertThat(dir.resolve("gt.jsonl")).doesNotExist();
    }

    @Test
    void checkFailsFastWhenKafkaIsUnreachable() throws Exception {
        Path file = dir.resolve("gt.jsonl");
        TruthFixtures.truth().write(file);
        String servers = deadAddress();
        long start = System.nanoTime();
        CliRun run =
                CliRun.of(
                        "check", "--bootstrap-servers", servers, "--ground-truth", file.toString());
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(run.exitCode()).isEqualTo(LoadGenMain.ERROR);
        assertThat(run.err()).contains("cannot reach Kafka at " + servers);
        assertThat(seconds).isLessThan(15);
    }
}
