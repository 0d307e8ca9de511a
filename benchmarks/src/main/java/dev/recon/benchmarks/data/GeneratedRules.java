package dev.recon.benchmarks.data;

import dev.recon.model.avro.BillEvent;
import dev.recon.model.avro.PaymentEvent;
import dev.recon.rules.PairRule;
import dev.recon.rules.RuleSet;
import dev.recon.rules.dsl.Compilation;
import dev.recon.rules.dsl.RuleBundle;
import dev.recon.rules.dsl.RuleCompiler;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiPredicate;

/**
 * Rule files of 1 to N pair rules on one payments-vs-bills reconciliation, generated as rule text,
 * each rule with a hand-written Java twin that says whether a pair breaks it (the smoke test's
 * oracle). Rule {@code k} follows template {@code k % 15} with parameters varied by {@code k / 15}:
 * amount tolerances in basis points and minor units, exact integer arithmetic, string equality
 * (plain, {@code upper}, {@code trim}, {@code lower}), status maps, in-sets and not-in-sets, {@code
 * starts_with}, {@code length}, {@code coalesce}, event-time windows. Rule 0 is the amount rule:
 * {@code when left.currency == right.currency check right.amount_minor within 10 bps of
 * left.amount_minor}.
 */
public final class GeneratedRules {
    /** The rule file's name in the bundle. */
    public static final String FILE = "generated.rules";

    /** Number of templates: rule k follows template k % TEMPLATES. */
    public static final int TEMPLATES = 15;

    /** Deadline of both sides, in milliseconds (the rule file says {@code deadline 5s}). */
    public static final long DEADLINE_MS = 5_000;

    /** Retention of matched keys, in milliseconds (the rule file says {@code retention 10m}). */
    public static final long RETENTION_MS = 600_000;

    private static final Map<String, String> BILL_STATUS_FOR =
            Map.of("SUCCEEDED", "BILLED", "REFUNDED", "REFUNDED", "FAILED", "REVERSED");
    private static final Set<String> CURRENCIES = Set.of("USD", "EUR", "GBP", "JPY", "CHF");
    private static final String[] SEVERITIES = {"critical", "error", "warning"};

    /** One generated pair rule: its id, its text, and whether a pair breaks it, in plain Java. */
    public record Rule(String id, String text, BiPredicate<PaymentEvent, BillEvent> breaks) {}

    private final List<Rule> rules;
    private final String source;

    private GeneratedRules(List<Rule> rules, String source) {
        this.rules = List.copyOf(rules);
        this.source = source;
    }

    /** The first {@code count} generated rules (count >= 1). */
    public static GeneratedRules of(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("at least one rule, got " + count);
        }
        List<Rule> rules = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            rules.add(rule(k));
        }
        StringBuilder sb = new StringBuilder(HEADER);
        for (Rule r : rules) {
            sb.append(r.text());
        }
        sb.append("}\n");
        return new GeneratedRules(rules, sb.toString());
    }

    /** The generated rules, rule 0 first. */
    public List<Rule> rules() {
        return rules;
    }

    /** The text of the rule file. */
    public String source() {
        return source;
    }

    /** The bundle: the rule file and the two schemas it references. */
    public RuleBundle bundle() {
        TreeMap<String, String> files = new TreeMap<>();
        files.put(FILE, source);
        TreeMap<String, String> schemas = new TreeMap<>();
        schemas.put("PaymentEvent.avsc", PaymentEvent.getClassSchema().toString());
        schemas.put("BillEvent.avsc", BillEvent.getClassSchema().toString());
        return new RuleBundle(files, schemas);
    }

    /** The bundle as the JSON of a control-topic message (what the job compiles). */
    public String bundleJson() {
        return new String(bundle().toJson(), StandardCharsets.UTF_8);
    }

    /** Compiles the rule text; fails with the diagnostics if it does not compile. */
    public RuleSet compile() {
        Compilation c = RuleCompiler.compile(bundle());
        if (!c.ok()) {
            throw new IllegalStateException("generated rules do not compile:\n" + c.format());
        }
        return c.ruleSet();
    }

    /** The compiled pair rules, in the order of {@link #rules()}. */
    public List<PairRule> compiledPairRules() {
        return compile().reconciliations().get(0).pairRules();
    }

    private static final String HEADER =
            """
            stream payments {
              topic "payments"
              schema "PaymentEvent.avsc"
              key payment_id
              id payment_id
              time event_time
            }

            stream bills {
              topic "bills"
              schema "BillEvent.avsc"
              key payment_id
              id bill_id
              time event_time
            }

            map bill_status_for {
              "SUCCEEDED": ["BILLED"],
              "REFUNDED": ["REFUNDED"],
              "FAILED": ["REVERSED"],
            }

            reconcile "payments-vs-bills" payments -> bills {
              deadline 5s
              retention 10m

              missing bills      id bill-missing      severity critical owner "fund-safety"
                message "no bill for payment {left.payment_id}"
              missing payments   id payment-missing   severity critical owner "fund-safety"
                message "bill {right.bill_id} has no payment {right.payment_id}"
              duplicate bills    id duplicate-bill    severity critical owner "fund-safety"
                message "second bill {right.bill_id} for payment {right.payment_id}"
              conflict payments  id payment-conflict  severity error    owner "fund-safety"
                message "payment {left.payment_id} delivered again with different content"

            """;

    private static Rule rule(int k) {
        int v = k / TEMPLATES;
        return switch (k % TEMPLATES) {
            case 0 -> amountBps(k, 10 + 5L * v);
            case 1 -> currencyMatch(k, v);
            case 2 -> statusConsistent(k, v);
            case 3 -> merchantMatch(k, v);
            case 4 -> amountAbsolute(k, 250_000L * (v + 1), v);
            case 5 -> currencyAllowed(k, v);
            case 6 -> billTiming(k, 60_000L * (v + 1));
            case 7 -> idPrefixes(k, v);
            case 8 -> merchantLength(k, 16 + v);
            case 9 -> jpyCap(k, v, 1_990_000L + 1_000L * v);
            case 10 -> refundConsistent(k);
            case 11 -> statusNotVoid(k, v);
            case 12 -> largeAmountTight(k, 50_000L * (v + 1), v + 1);
            case 13 -> sourceSystems(k);
            default -> merchantPrefix(k);
        };
    }

    private static Rule amountBps(int k, long bps) {
        String id = "amount-within-" + bps + "bps-" + k;
        return new Rule(
                id,
                text(
                        id,
                        k,
                        "left.currency == right.currency",
                        "right.amount_minor within " + bps + " bps of left.amount_minor",
                        "abs(left.amount_minor - right.amount_minor)",
                        "bill {right.bill_id} amount {right.amount_minor} is more than "
                                + bps
                                + " bps from {left.amount_minor} {left.currency}"),
                (p, b) -> sameCurrency(p, b) && !withinBps(p, b, bps));
    }

    private static Rule currencyMatch(int k, int v) {
        String id = "currency-match-" + k;
        String check =
                v % 2 == 0
                        ? "left.currency == right.currency"
                        : "upper(right.currency) == upper(left.currency)";
        return new Rule(
                id,
                text(
                        id,
                        k,
                        null,
                        check,
                        "left.amount_minor",
                        "bill {right.bill_id} currency {right.currency} is not {left.currency}"),
                (p, b) -> !sameCurrency(p, b));
    }

    private static Rule statusConsistent(int k, int v) {
        String id = "status-consistent-" + k;
        String check =
                v % 2 == 0
                        ? "right.status in bill_status_for[left.status]"
                        : "right.status in {\"SUCCEEDED\": [\"BILLED\"], \"REFUNDED\":"
                                + " [\"REFUNDED\"], \"FAILED\": [\"REVERSED\"]}[left.status]";
        return new Rule(
                id,
                text(
                        id,
                        k,
                        null,
                        check,
                        "left.amount_minor",
                        "bill {right.bill_id} status {right.status} does not settle"
                                + " {left.status}"),
                (p, b) -> !b.getStatus().equals(BILL_STATUS_FOR.get(p.getStatus())));
    }

    private static Rule merchantMatch(int k, int v) {
        String id = "merchant-match-" + k;
        String check =
                v % 2 == 0
                        ? "right.merchant_id == left.merchant_id"
                        : "trim(right.merchant_id) == trim(left.merchant_id)";
        return new Rule(
                id,
                text(
                        id,
                        k,
                        null,
                        check,
                        "left.amount_minor",
                        "bill {right.bill_id} merchant {right.merchant_id} is not"
                                + " {left.merchant_id}"),
                (p, b) -> !b.getMerchantId().strip().equals(p.getMerchantId().strip()));
    }

    private static Rule amountAbsolute(int k, long threshold, long tolerance) {
        String id = "large-amount-within-" + tolerance + "-" + k;
        return new Rule(
                id,
                text(
                        id,
                        k,
                        "left.currency == right.currency and left.amount_minor >= " + threshold,
                        "right.amount_minor within " + tolerance + " of left.amount_minor",
                        "abs(left.amount_minor - right.amount_minor)",
                        "bill {right.bill_id} amount {right.amount_minor} differs from"
                                + " {left.amount_minor}"),
                (p, b) ->
                        sameCurrency(p, b)
                                && p.getAmountMinor() >= threshold
                                && Math.abs(b.getAmountMinor() - p.getAmountMinor()) > tolerance);
    }

    private static Rule currencyAllowed(int k, int v) {
        String id = "currency-allowed-" + k;
        boolean right = v % 2 == 1;
        String field = right ? "right.currency" : "left.currency";
        return new Rule(
                id,
                text(
                        id,
                        k,
                        null,
                        field + " in [\"USD\", \"EUR\", \"GBP\", \"JPY\", \"CHF\"]",
                        "left.amount_minor",
                        "currency {" + field + "} is not settled here"),
                (p, b) -> !CURRENCIES.contains(right ? b.getCurrency() : p.getCurrency()));
    }

    private static Rule billTiming(int k, long windowMs) {
        String id = "billed-within-" + windowMs / 60_000 + "m-" + k;
        return new Rule(
                id,
                text(
                        id,
                        k,
                        null,
                        "right.event_time - left.event_time <= "
                                + windowMs
                                + " and right.event_time >= left.event_time",
                        "left.amount_minor",
                        "bill {right.bill_id} at {right.event_time} is out of window of"
                                + " {left.event_time}"),
                (p, b) -> {
                    long d = b.getEventTime() - p.getEventTime();
                    return !(d <= windowMs && d >= 0);
                });
    }

    private static Rule idPrefixes(int k, int v) {
        String id = "id-prefixes-" + k;
        boolean payment = v % 2 == 1;
        String second =
                payment
                        ? "starts_with(right.payment_id, \"p-\")"
                        : "starts_with(left.payment_id, \"p-\")";
        return new Rule(
                id,
                text(
                        id,
                        k,
                        null,
                        "starts_with(right.bill_id, \"b-\") and " + second,
                        "left.amount_minor",
                        "ids {left.payment_id} / {right.bill_id} are not from the core systems"),
                (p, b) ->
                        !(b.getBillId().startsWith("b-")
                                && (payment ? b.getPaymentId() : p.getPaymentId())
                                        .startsWith("p-")));
    }

    private static Rule merchantLength(int k, int max) {
        String id = "merchant-length-" + k;
        return new Rule(
                id,
                text(
                        id,
                        k,
                        null,
                        "length(left.merchant_id) <= "
                                + max
                                + " and length(right.merchant_id) == length(left.merchant_id)",
                        "left.amount_minor",
                        "merchant ids {left.merchant_id} / {right.merchant_id} are malformed"),
                (p, b) -> {
                    int l = p.getMerchantId().codePointCount(0, p.getMerchantId().length());
                    int r = b.getMerchantId().codePointCount(0, b.getMerchantId().length());
                    return !(l <= max && r == l);
                });
    }

    private static Rule jpyCap(int k, int v, long cap) {
        String id = "jpy-cap-" + k;
        String when = v % 2 == 0 ? "left.currency == \"JPY\"" : "left.currency in [\"JPY\"]";
        return new Rule(
                id,
                text(
                        id,
                        k,
                        when,
                        "right.amount_minor <= " + cap,
                        "right.amount_minor - " + cap,
                        "bill {right.bill_id} of {right.amount_minor} JPY is above the cap"),
                (p, b) -> p.getCurrency().equals("JPY") && !(b.getAmountMinor() <= cap));
    }

    private static Rule refundConsistent(int k) {
        String id = "refund-consistent-" + k;
        return new Rule(
                id,
                text(
                        id,
                        k,
                        "left.status == \"REFUNDED\"",
                        "right.status == \"REFUNDED\" and right.amount_minor =="
                                + " left.amount_minor",
                        "abs(left.amount_minor - right.amount_minor)",
                        "refund {left.payment_id} billed as {right.status} of"
                                + " {right.amount_minor}"),
                (p, b) ->
                        p.getStatus().equals("REFUNDED")
                                && !(b.getStatus().equals("REFUNDED")
                                        && b.getAmountMinor() == p.getAmountMinor()));
    }

    private static Rule statusNotVoid(int k, int v) {
        String id = "status-not-void-" + k;
        String check =
                v % 2 == 0
                        ? "right.status not in [\"VOID\", \"UNKNOWN\"]"
                        : "not (lower(right.status) in [\"void\", \"unknown\"])";
        return new Rule(
                id,
                text(
                        id,
                        k,
                        null,
                        check,
                        "right.amount_minor",
                        "bill {right.bill_id} has status {right.status}"),
                (p, b) -> b.getStatus().equals("VOID") || b.getStatus().equals("UNKNOWN"));
    }

    private static Rule largeAmountTight(int k, long threshold, long bps) {
        String id = "large-amount-tight-" + k;
        return new Rule(
                id,
                text(
                        id,
                        k,
                        "left.amount_minor > "
                                + threshold
                                + " and lower(left.currency) == lower(right.currency)",
                        "abs(right.amount_minor - left.amount_minor) * 10000 <= left.amount_minor"
                                + " * "
                                + bps,
                        "abs(left.amount_minor - right.amount_minor)",
                        "bill {right.bill_id} of {right.amount_minor} is off from"
                                + " {left.amount_minor}"),
                (p, b) ->
                        p.getAmountMinor() > threshold
                                && sameCurrency(p, b)
                                && !(Math.abs(b.getAmountMinor() - p.getAmountMinor()) * 10_000
                                        <= p.getAmountMinor() * bps));
    }

    private static Rule sourceSystems(int k) {
        String id = "source-systems-" + k;
        return new Rule(
                id,
                text(
                        id,
                        k,
                        null,
                        "left.source_system == \"payment-core\" and"
                                + " coalesce(right.source_system, \"billing\") == \"billing\"",
                        "left.amount_minor",
                        "pair {left.payment_id} comes from {left.source_system} /"
                                + " {right.source_system}"),
                (p, b) ->
                        !(p.getSourceSystem().equals("payment-core")
                                && b.getSourceSystem().equals("billing")));
    }

    private static Rule merchantPrefix(int k) {
        String id = "merchant-prefix-" + k;
        return new Rule(
                id,
                text(
                        id,
                        k,
                        null,
                        "starts_with(upper(right.merchant_id), \"M-\")",
                        "right.amount_minor",
                        "bill merchant {right.merchant_id} is not a merchant id"),
                (p, b) -> !b.getMerchantId().toUpperCase(java.util.Locale.ROOT).startsWith("M-"));
    }

    private static boolean sameCurrency(PaymentEvent p, BillEvent b) {
        return p.getCurrency().equals(b.getCurrency());
    }

    private static boolean withinBps(PaymentEvent p, BillEvent b, long bps) {
        long diff = Math.abs(b.getAmountMinor() - p.getAmountMinor());
        return diff * 10_000 <= Math.abs(p.getAmountMinor()) * bps;
    }

    private static String text(
            String id, int k, String when, String check, String atRisk, String message) {
        StringBuilder sb = new StringBuilder();
        sb.append("  rule ").append(id).append(" {\n");
        sb.append("    severity ").append(SEVERITIES[k % SEVERITIES.length]).append('\n');
        sb.append("    owner \"team-").append(k % 4).append("\"\n");
        if (k % 10 == 9) {
            sb.append("    mode shadow\n");
        }
        if (when != null) {
            sb.append("    when ").append(when).append('\n');
        }
        sb.append("    check ").append(check).append('\n');
        sb.append("    at_risk ").append(atRisk).append('\n');
        sb.append("    message \"").append(message).append("\"\n");
        sb.append("  }\n");
        return sb.toString();
    }
}
