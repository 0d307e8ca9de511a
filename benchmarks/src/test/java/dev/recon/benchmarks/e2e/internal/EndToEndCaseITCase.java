package dev.recon.benchmarks.e2e.internal;

import dev.recon.benchmarks.e2e.internal.ThroughputCases.Outcome;
import dev.recon.job.rules.BundleRuleSetProvider;
import dev.recon.loadgen.ExpectedAlert;
import dev.recon.loadgen.GroundTruth;
import dev.recon.rules.dsl.RuleBundle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Case e on a real broker (a separate JVM) with a small preload: the engine, the read-only job and
 * the hand-written job each read every record, and the two matchers' counts agree with the load
 * generator's ground truth (a bounded run ends before the 5 s deadlines, so no missing-counterpart
 * counts).
 */
class EndToEndCaseITCase {
    private static final long PAYMENTS = 4_000;

    @Test
    void eachJobReadsEveryRecordAndTheMatchersAgreeWithTheGroundTruth(@TempDir Path dir)
            throws Exception {
        try (BenchBroker broker = BenchBroker.start()) {
            EndToEndCase e =
                    new EndToEndCase(LocalEnv.config(dir, Duration.ofSeconds(10)), 2, broker);
            GroundTruth truth = e.preload(PAYMENTS);
            Map<String, Long> expected =
                    truth.expectedAlerts().stream()
                            .collect(
                                    Collectors.groupingBy(
                                            ExpectedAlert::ruleId, Collectors.counting()));
            assertThat(expected).containsKeys("amount-match", "duplicate-bill");

            Outcome read = e.readOnly();
            assertThat(read.counts())
                    .containsEntry("events", truth.paymentsSent() + truth.billsSent());

            RuleBundle rules = RuleBundle.fromPath(Path.of("../rules/payments-vs-bills.rules"));
            Outcome engine =
                    e.engine(
                            new BundleRuleSetProvider(
                                    new String(rules.toJson(), StandardCharsets.UTF_8)));
            Outcome hand = e.handWritten(5_000);
            for (String rule :
                    new String[] {"amount-match", "currency-match", "status-consistent"}) {
                assertThat(engine.counts())
                        .as("engine " + rule)
                        .containsEntry(rule, expected.getOrDefault(rule, 0L));
                assertThat(hand.counts())
                        .as("hand-written " + rule)
                        .containsEntry(rule, expected.getOrDefault(rule, 0L));
            }
            assertThat(engine.counts())
                    .containsEntry("duplicate-bill", expected.get("duplicate-bill"));
            assertThat(hand.counts()).doesNotContainKey("duplicate-bill"); // c forgets a pair
            assertThat(hand.counts().get("matched"))
                    .isEqualTo(engine.counts().get("matched"))
                    .isGreaterThan(PAYMENTS * 9 / 10);
            assertThat(hand.rate()).isPositive();
        }
    }
}
