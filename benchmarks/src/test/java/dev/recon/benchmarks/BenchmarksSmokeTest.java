package dev.recon.benchmarks;

import dev.recon.benchmarks.data.GeneratedRules;
import dev.recon.benchmarks.data.Pairs;
import dev.recon.benchmarks.dsl.AmountRuleBenchmark;
import dev.recon.benchmarks.dsl.RuleSetBenchmark;
import dev.recon.benchmarks.matcher.MatcherBenchmark;
import dev.recon.benchmarks.matcher.MatcherDriver;
import dev.recon.benchmarks.matcher.StateCodersBenchmark;
import dev.recon.rules.PairRule;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every benchmark body without JMH timing and checks its verdicts against the hand-written
 * Java twins of the generated rules, so CI proves the harnesses measure the right work.
 */
class BenchmarksSmokeTest {

    @Test
    void amountRuleBenchmarkMethodsAgreeOnEveryPair() {
        AmountRuleBenchmark b = new AmountRuleBenchmark();
        b.setUp();
        Pairs pairs = Pairs.generate(AmountRuleBenchmark.N, 42);
        GeneratedRules.Rule rule = GeneratedRules.of(1).rules().get(0);
        long expected = 0;
        for (int k = 0; k < pairs.size(); k++) {
            expected += rule.breaks().test(pairs.payment(k), pairs.bill(k)) ? 1 : 0;
        }
        assertThat(expected).as("the data has breaks of the amount rule").isPositive();
        assertThat(count(b::handWritten)).isEqualTo(expected);
        assertThat(count(b::ruleText)).isEqualTo(expected);
        assertThat(count(b::defaultRules)).isEqualTo(expected);
    }

    @Test
    void generatedRulesCompileFromTextAndAgreeWithTheirJavaTwins() {
        GeneratedRules gen = GeneratedRules.of(100);
        List<PairRule> compiled = gen.compiledPairRules();
        assertThat(compiled).hasSize(100);
        Pairs pairs = Pairs.generate(4096, 7);
        int breaking = 0;
        for (int r = 0; r < 100; r++) {
            GeneratedRules.Rule twin = gen.rules().get(r);
            assertThat(compiled.get(r).header().id()).isEqualTo(twin.id());
            long breaks = 0;
            for (int k = 0; k < pairs.size(); k++) {
                boolean actual = compiled.get(r).isBreak(pairs.payment(k), pairs.bill(k));
                assertThat(actual)
                        .as("rule %s on pair %d", twin.id(), k)
                        .isEqualTo(twin.breaks().test(pairs.payment(k), pairs.bill(k)));
                breaks += actual ? 1 : 0;
            }
            breaking += breaks > 0 ? 1 : 0;
        }
        assertThat(breaking).as("rules that break on some pair").isGreaterThanOrEqualTo(30);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 10, 100})
    void ruleSetBenchmarkCountsTheExpectedBreaks(int ruleCount) {
        RuleSetBenchmark b = new RuleSetBenchmark();
        b.rules = ruleCount;
        b.setUp();
        Pairs pairs = Pairs.generate(RuleSetBenchmark.N, 42);
        long expected = 0;
        for (GeneratedRules.Rule r : GeneratedRules.of(ruleCount).rules()) {
            for (int k = 0; k < pairs.size(); k++) {
                expected += r.breaks().test(pairs.payment(k), pairs.bill(k)) ? 1 : 0;
            }
        }
        long actual = 0;
        long handWritten = 0;
        for (int k = 0; k < RuleSetBenchmark.N; k++) {
            actual += b.allRules(); // each method cycles through all N pairs
        }
        for (int k = 0; k < RuleSetBenchmark.N; k++) {
            handWritten += b.handWritten();
        }
        assertThat(actual).isEqualTo(expected).isPositive();
        assertThat(handWritten).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"walking", "generated", "handcoded"})
    void stateCodersBenchmarkReadsBackWhatItWrote(String coders) throws Exception {
        StateCodersBenchmark b = new StateCodersBenchmark();
        b.coders = coders;
        b.setUp();
        var first = b.writeAndRead();
        assertThat(first.getPayment().getPaymentId()).isEqualTo("p-0");
        assertThat(b.writeAndRead()).isEqualTo(first);
    }

    @ParameterizedTest
    @CsvSource({"1, HEAP", "10, HEAP", "100, HEAP", "1, ROCKSDB", "100, ROCKSDB"})
    void matcherBenchmarkRaisesExactlyTheExpectedAlertsAndForgetsEveryKey(
            int ruleCount, MatcherDriver.Backend backend) throws Exception {
        Map<String, Long> expected = expectedTriggers(ruleCount);
        long total = expected.values().stream().mapToLong(Long::longValue).sum();
        assertThat(total).isPositive();

        MatcherBenchmark b = new MatcherBenchmark();
        b.rules = ruleCount;
        b.backend = backend;
        b.setUp();
        try {
            MatcherDriver driver = b.driver();
            for (int batch = 1; batch <= 2; batch++) {
                assertThat(b.pairs()).as("alerts of batch %d", batch).isEqualTo(total);
                assertThat(driver.keyedStateEntries()).as("state after batch").isZero();
                assertThat(driver.timers()).as("timers after batch").isZero();
            }
            Map<String, Long> twice = new HashMap<>();
            expected.forEach((id, n) -> twice.put(id, 2 * n));
            assertThat(driver.triggersByRule()).isEqualTo(twice);
        } finally {
            b.tearDown();
        }
    }

    private static Map<String, Long> expectedTriggers(int ruleCount) {
        Pairs pairs = Pairs.generate(MatcherBenchmark.PAIRS, 42);
        Map<String, Long> expected = new HashMap<>();
        for (GeneratedRules.Rule r : GeneratedRules.of(ruleCount).rules()) {
            for (int k = 0; k < pairs.size(); k++) {
                if (r.breaks().test(pairs.payment(k), pairs.bill(k))) {
                    expected.merge(r.id(), 1L, Long::sum);
                }
            }
        }
        return expected;
    }

    private static long count(BooleanSupplier op) {
        long n = 0;
        for (int k = 0; k < AmountRuleBenchmark.N; k++) {
            n += op.getAsBoolean() ? 1 : 0;
        }
        return n;
    }
}
