package dev.recon.rules.dsl;

import dev.recon.model.AlertIds;
import dev.recon.model.avro.BillEvent;
import dev.recon.model.avro.PaymentEvent;
import dev.recon.rules.DefaultRules;
import dev.recon.rules.LifecycleRule;
import dev.recon.rules.PairRule;
import dev.recon.rules.Reconciliation;
import dev.recon.rules.RuleSet;
import dev.recon.rules.StreamSpec;
import dev.recon.rules.Tolerance;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code rules/payments-vs-bills.rules} compiled and {@link DefaultRules#paymentsVsBills} give the
 * same verdicts, alert ids, messages, amounts at risk and lifecycle alerts, pair by pair.
 */
class DefaultRulesEquivalenceTest {
    private static final String[] PAYMENT_STATUS = {"SUCCEEDED", "REFUNDED", "FAILED", "PENDING"};
    private static final String[] BILL_STATUS = {"BILLED", "REFUNDED", "REVERSED", ""};
    private static final String[] CURRENCY = {"USD", "EUR", "JPY"};
    private static final long[] AMOUNT = {
        0, 1, 999, 1000, 1001, 1003, 10_000, 10_010, 10_011, Long.MAX_VALUE
    };
    private static RuleBundle shipped;

    @BeforeAll
    static void read() throws IOException {
        shipped = RuleBundle.fromPath(Path.of("../rules"));
    }

    @Test
    void theShippedRulesBehaveExactlyLikeDefaultRules() {
        assertEquivalent(
                compile(shipped),
                DefaultRules.paymentsVsBills(
                        Duration.ofSeconds(5), Tolerance.exact(), Duration.ofMinutes(10)));
    }

    @ParameterizedTest(name = "{0} <-> {1}")
    @CsvSource({"within 10 bps of, 10bps", "within 5 of, 5"})
    void otherTolerancesToo(String written, String tolerance) {
        TreeMap<String, String> files = new TreeMap<>(shipped.ruleFiles());
        files.replaceAll((name, text) -> text.replace("within 0 of", written));
        Tolerance t =
                tolerance.endsWith("bps")
                        ? Tolerance.basisPoints(Long.parseLong(tolerance.replace("bps", "")))
                        : Tolerance.absolute(Long.parseLong(tolerance));
        assertEquivalent(
                compile(new RuleBundle(files, shipped.schemas())),
                DefaultRules.paymentsVsBills(Duration.ofSeconds(5), t, Duration.ofMinutes(10)));
    }

    private static RuleSet compile(RuleBundle bundle) {
        Compilation c = RuleCompiler.compile(bundle);
        assertThat(c.ok()).as(c.format()).isTrue();
        assertThat(c.diagnostics()).isEmpty();
        return c.ruleSet();
    }

    private static void assertEquivalent(RuleSet dsl, RuleSet java) {
        Reconciliation a = dsl.reconciliation(DefaultRules.RECONCILIATION);
        Reconciliation b = java.reconciliation(DefaultRules.RECONCILIATION);
        assertThat(dsl.reconciliations()).hasSize(1);
        assertThat(structure(a)).isEqualTo(structure(b));
        List<PaymentEvent> payments = new ArrayList<>();
        List<BillEvent> bills = new ArrayList<>();
        pairs(payments, bills);
        Map<String, Integer> breaks = new TreeMap<>();
        for (int i = 0; i < payments.size(); i++) {
            PaymentEvent p = payments.get(i);
            BillEvent bill = bills.get(i);
            List<String> verdicts = verdicts(a, p, bill);
            assertThat(verdicts).as("pair %s / %s", p, bill).isEqualTo(verdicts(b, p, bill));
            assertThat(lifecycle(a, p, bill)).isEqualTo(lifecycle(b, p, bill));
            a.pairRules().stream()
                    .filter(x -> x.isBreak(p, bill))
                    .forEach(x -> breaks.merge(x.header().id(), 1, Integer::sum));
        }
        assertThat(payments).hasSizeGreaterThan(1000);
        assertThat(breaks)
                .as("every rule both breaks and holds on some pairs")
                .allSatisfy((id, n) -> assertThat(n).isBetween(1, payments.size() - 1))
                .hasSize(3);
    }

    /** Every combination of the values above, then random pairs. */
    private static void pairs(List<PaymentEvent> payments, List<BillEvent> bills) {
        int n = 0;
        for (String ps : PAYMENT_STATUS) {
            for (String bs : BILL_STATUS) {
                for (String pc : CURRENCY) {
                    for (long amount : AMOUNT) {
                        String bc = CURRENCY[n % CURRENCY.length];
                        long billed = AMOUNT[(n * 7) % AMOUNT.length];
                        payments.add(payment("p-" + n, amount, pc, ps));
                        bills.add(bill("b-" + n, "p-" + n, billed, bc, bs));
                        n++;
                    }
                }
            }
        }
        Random random = new Random(7);
        for (int i = 0; i < 1000; i++, n++) {
            long amount =
                    random.nextInt(5) == 0
                            ? Math.abs(random.nextLong() >>> 1)
                            : random.nextInt(100_000);
            long billed = random.nextBoolean() ? amount : amount + random.nextInt(21) - 10;
            payments.add(
                    payment(
                            "p-" + n,
                            amount,
                            pick(CURRENCY, random),
                            pick(PAYMENT_STATUS, random)));
            bills.add(
                    bill(
                            "b-" + n,
                            "p-" + n,
                            Math.max(0, billed),
                            pick(CURRENCY, random),
                            pick(BILL_STATUS, random)));
        }
    }

    private static String pick(String[] values, Random random) {
        return values[random.nextInt(values.length)];
    }

    /** Per pair rule: id, header, and when it breaks: alert id, message, amount at risk. */
    private static List<String> verdicts(Reconciliation r, PaymentEvent p, BillEvent b) {
        List<String> out = new ArrayList<>();
        for (PairRule rule : r.pairRules()) {
            String id = rule.header().id();
            out.add(id + " " + rule.header().describe());
            if (rule.isBreak(p, b)) {
                out.add(
                        "BREAK "
                                + AlertIds.of(r.name(), id, p.getPaymentId(), b.getBillId())
                                + " "
                                + rule.message(p, b)
                                + " at risk "
                                + rule.amountAtRisk(p, b));
            }
        }
        return out;
    }

    private static List<String> lifecycle(Reconciliation r, PaymentEvent p, BillEvent b) {
        return List.of(
                line(r.rightMissing(), r, p.getPaymentId(), "", p, null),
                line(r.leftMissing(), r, b.getPaymentId(), b.getBillId(), null, b),
                line(r.duplicateRight(), r, b.getPaymentId(), b.getBillId(), null, b),
                line(r.conflictingLeft(), r, p.getPaymentId(), "conflict:1", p, null));
    }

    private static String line(
            LifecycleRule rule,
            Reconciliation r,
            String key,
            String disc,
            PaymentEvent p,
            BillEvent b) {
        return rule.header().describe()
                + " "
                + AlertIds.of(r.name(), rule.header().id(), key, disc)
                + " "
                + rule.message(p, b);
    }

    private static Map<String, Object> structure(Reconciliation r) {
        return Map.of(
                "name", r.name(),
                "left", stream(r.left()),
                "right", stream(r.right()),
                "deadlines", List.of(r.rightDeadline(), r.leftDeadline(), r.retention()),
                "rules", r.pairRules().stream().map(x -> x.header().id()).toList());
    }

    private static String stream(StreamSpec s) {
        return String.join(
                " ",
                s.name(),
                s.topic(),
                s.schema().getFullName(),
                s.keyField(),
                s.idField(),
                s.eventTimeField(),
                s.schema().getFields().toString());
    }

    private static PaymentEvent payment(String id, long amount, String currency, String status) {
        return PaymentEvent.newBuilder()
                .setPaymentId(id)
                .setMerchantId("m-1")
                .setPayerAccount("acct-1")
                .setAmountMinor(amount)
                .setCurrency(currency)
                .setStatus(status)
                .setEventTime(1_700_000_000_000L)
                .setSourceSystem("core")
                .build();
    }

    private static BillEvent bill(
            String id, String payment, long amount, String currency, String status) {
        return BillEvent.newBuilder()
                .setBillId(id)
                .setPaymentId(payment)
                .setMerchantId("m-1")
                .setAmountMinor(amount)
                .setCurrency(currency)
                .setStatus(status)
                .setEventTime(1_700_000_000_100L)
                .build();
    }
}
