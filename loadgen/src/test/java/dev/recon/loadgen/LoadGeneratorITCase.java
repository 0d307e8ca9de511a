package dev.recon.loadgen;

import dev.recon.kafka.KafkaBroker;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Tests for {@link LoadGenerator} against a real Kafka broker. */
class LoadGeneratorITCase {
    @TempDir Path dir;

    @Test
    void writesEveryStreamAndEveryFaultAsDesigned() throws Exception {
        try (KafkaBroker broker = KafkaBroker.builder().build().start()) {
            broker.createTopics(2, "payments", "bills");
            Path file = dir.resolve("ground-truth.jsonl");
            List<Long> progress = new ArrayList<>();
            GroundTruth truth =
                    LoadGenerator.builder()
                            .setBootstrapServers(broker.bootstrapServers())
                            .setEvents(2_000)
                            .setFaultFraction(0.02)
                            .setSeed(7)
                            .setDeadline(Duration.ofMillis(600))
                            .setGroundTruthFile(file)
                            .setProgressListener((sent, total) -> progress.add(sent))
                            .build()
                            .run();

            assertThat(GroundTruth.read(file)).isEqualTo(truth);
            assertThat(progress).last().isEqualTo(2_000L);
            long perClass = Math.round(2_000 * 0.02);
            assertThat(truth.faultsInjected().values()).containsOnly((int) perClass);
            List<Sent> payments = TopicReader.readAll(broker.bootstrapServers(), "payments");
            List<Sent> bills = TopicReader.readAll(broker.bootstrapServers(), "bills");
            new RecordsVerifier(truth, payments, bills).verifyAll();
        }
    }
}
