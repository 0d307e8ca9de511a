package dev.recon.loadgen;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tests for {@link GroundTruth} and its JSON-lines file. */
class GroundTruthTest {
    @TempDir Path dir;

    @Test
    void roundTripsThroughAFile() throws IOException {
        GroundTruth truth = TruthFixtures.truth();
        Path file = dir.resolve("gt.jsonl");
        truth.write(file);

        assertThat(GroundTruth.read(file)).isEqualTo(truth);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(1 + truth.faults().size() + truth.expectedAlerts().size());
        assertThat(lines.get(0)).contains("\"type\":\"run\"", "\"run_id\":\"fx\"");
    }

    @Test
    void countsFaultsPerClassIncludingZeros() {
        var counts = TruthFixtures.truth().faultsInjected();
        assertThat(counts).containsOnlyKeys(FaultClass.values());
        assertThat(counts.get(FaultClass.DUPLICATE_BILL)).isEqualTo(1);
        assertThat(counts.get(FaultClass.ORPHAN_BILL)).isZero();
        assertThat(counts.values().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(TruthFixtures.truth().faults().size());
    }

    @Test
    void badLineIsReportedWithItsNumber() throws IOException {
        Path file = dir.resolve("bad.jsonl");
        TruthFixtures.truth().write(file);
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file));
        lines.set(2, lines.get(2).replace("BILL_DROPPED", "NO_SUCH_FAULT"));
        Files.write(file, lines);

        assertThatThrownBy(() -> GroundTruth.read(file))
                .isInstanceOf(LoadGenException.class)
                .hasMessageContaining("line 3")
                .hasMessageContaining("NO_SUCH_FAULT");
    }

    @Test
    void fileWithoutRunLineIsRejected() throws IOException {
        Path file = dir.resolve("norun.jsonl");
        TruthFixtures.truth().write(file);
        List<String> lines = Files.readAllLines(file);
        Files.write(file, lines.subList(1, lines.size()));

        assertThatThrownBy(() -> GroundTruth.read(file))
                .isInstanceOf(LoadGenException.class)
                .hasMessageContaining("run");
    }

    @Test
    void missingFileIsReportedByName() {
        Path file = dir.resolve("absent.jsonl");
        assertThatThrownBy(() -> GroundTruth.read(file))
                .isInstanceOf(LoadGenException.class)
                .hasMessageContaining("absent.jsonl");
    }
}
