package dev.recon.benchmarks.e2e;

import dev.recon.benchmarks.e2e.internal.Expected;
import dev.recon.benchmarks.e2e.internal.LocalEnv;
import dev.recon.benchmarks.e2e.internal.Results;
import dev.recon.benchmarks.e2e.internal.ThroughputCases;
import dev.recon.benchmarks.e2e.internal.ThroughputCases.Outcome;
import dev.recon.job.rules.RuleSetProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Runs the harness's throughput cases a to d on a few pairs and checks that each did the same work:
 * every event through the pass-through, and the ground truth's matched pairs and breaks per rule
 * from the engine, the hand-written job and the SQL join alike.
 */
class BenchHarnessSmokeTest {

    @Test
    void casesAgreeWithTheGroundTruthAndWriteTheResults(@TempDir Path dir) throws Exception {
        long pairs = 20_000;
        BenchOptions o =
                BenchOptions.parse( // not --quick: a full run also has b2 and c2
                        "--cases",
                        "a,b,c,d",
                        "--pairs",
                        Long.toString(pairs),
                        "--rounds",
                        "1",
                        "--out",
                        dir.toString(),
                        "--rules",
                        "../rules/payments-vs-bills.rules");
        Results r = BenchHarness.run(o);
        r.write(dir);

        Expected e = Expected.of(pairs);
        assertThat(e.amount()).isPositive();
        assertThat(e.currency()).isPositive();
        assertThat(e.status()).isPositive();
        Map<String, Map<String, Long>> counts = r.counts();
        assertThat(counts.get("a pass-through")).containsEntry("events", e.events());
        for (String c :
                new String[] {
                    "b engine",
                    "b2 engine + pager",
                    "c hand-written",
                    "c2 hand-written, kept",
                    "d flink-sql"
                }) {
            assertThat(counts.get(c))
                    .as(c)
                    .containsEntry("matched", e.matched())
                    .containsEntry("amount-match", e.amount())
                    .containsEntry("currency-match", e.currency())
                    .containsEntry("status-consistent", e.status());
        }
        Map<String, long[]> paged = outcome(r, "b2 engine + pager").taskTimes();
        assertThat(paged.keySet())
                .anyMatch(t -> t.startsWith("match payments with bills"))
                .anyMatch(t -> t.startsWith("storm control"));
        assertThat(paged.entrySet())
                .filteredOn(t -> t.getKey().startsWith("match payments with bills"))
                .allMatch(t -> t.getValue()[0] > 0, "the matcher was busy");
        if (Files.isDirectory(Path.of("/proc/self/task"))) { // Linux: CPU per thread group
            assertThat(outcome(r, "b engine").threadCpu())
                    .as("CPU of b's threads")
                    .hasKeySatisfying(
                            new org.assertj.core.api.Condition<>(
                                    k -> k.startsWith("match payments"), "the matcher"));
        }
        assertThat(Files.readString(dir.resolve("results.csv"))).contains("b engine,1,");
        assertThat(Files.readString(dir.resolve("results.md")))
                .contains("engine (b) at least as fast as hand-written (c)")
                .contains("(informative) hand-written (c) vs Flink SQL (d)")
                .contains("| b2 engine + pager | storm control");
    }

    private static Outcome outcome(Results r, String name) {
        return r.outcomes().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aRuleFileThatDoesNotCompileIsRefusedWithItsDiagnostics(@TempDir Path dir)
            throws Exception {
        Path broken = dir.resolve("broken.rules");
        Files.writeString(broken, "stream payments {\n  schema \"missing.avsc\"\n}\n");
        assertThatThrownBy(() -> BenchHarness.rules(broken))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not compile")
                .hasMessageContaining("broken.rules:1:8: error: stream 'payments' has no 'topic'");
    }

    @Test
    void aCaseWhoseJobFailsFailsTheRunInsteadOfRestartingForever(@TempDir Path dir) {
        ThroughputCases tc =
                new ThroughputCases(LocalEnv.config(dir, Duration.ofSeconds(10)), 1, 100, 5_000);
        RuleSetProvider failing =
                () -> {
                    throw new IllegalStateException("rules that cannot load");
                };
        assertTimeoutPreemptively(
                Duration.ofSeconds(120),
                () ->
                        assertThatThrownBy(() -> tc.engine(failing))
                                .hasStackTraceContaining("rules that cannot load"));
    }

    @Test
    void badFlagsSayWhatIsAccepted() {
        assertThatThrownBy(() -> BenchOptions.parse("--cases", "a,z"))
                .hasMessageContaining("--cases takes a comma-separated list of");
        assertThatThrownBy(() -> BenchOptions.parse("--frobnicate", "1"))
                .hasMessageContaining("unknown flag --frobnicate");
        assertThatThrownBy(() -> BenchOptions.parse("--max-rate", "fast"))
                .hasMessageContaining("--max-rate takes a positive whole number, got 'fast'");
        BenchOptions o = BenchOptions.parse("--quick", "--cases", "e,f,h", "--memory-s", "30");
        assertThat(o.cases()).containsExactly("e", "f", "h");
        assertThat(o.memoryRun()).hasSeconds(30);
        assertThat(o.rounds()).isEqualTo(1);
        assertThat(BenchOptions.parse().rounds()).as("a full run's rounds").isEqualTo(2);
        assertThat(BenchOptions.parse().pairs())
                .as("a full run's rounds outlast the deadline")
                .isEqualTo(1_000_000);
    }

    @Test
    void leversAreChosenByWordsOfTheirNames() {
        String compression = "lever: Snappy in every level (deployed: none in L0 and L1)";
        String buffers = "lever: RocksDB write buffers 64 MB (deployed 8 MB)";
        assertThat(BenchOptions.parse().runsLever(compression)).as("default: all").isTrue();
        BenchOptions some = BenchOptions.parse("--levers", "SNAPPY, heap");
        assertThat(some.runsLever(compression)).isTrue();
        assertThat(some.runsLever(buffers)).isFalse();
        assertThat(some.runsLever("lever: heap timers (RocksDB state)")).isTrue();
        assertThat(BenchOptions.parse("--levers", "none").runsLever(compression)).isFalse();
        assertThatThrownBy(() -> BenchOptions.parse("--levers", "a,,b"))
                .hasMessageContaining("--levers takes comma-separated words");
    }
}
