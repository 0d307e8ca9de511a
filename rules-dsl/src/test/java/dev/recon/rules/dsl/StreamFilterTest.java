package dev.recon.rules.dsl;

import dev.recon.rules.Reconciliation;
import dev.recon.rules.Side;
import dev.recon.rules.StreamSpec;
import dev.recon.rules.expr.Exprs;
import dev.recon.rules.expr.Fields;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static dev.recon.rules.dsl.TestBundles.LIFECYCLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tests for stream filters: compiled onto the stream's side, evaluated on its own record. */
class StreamFilterTest {
    private static final String PAYMENTS =
            "stream payments { topic \"payments\" schema \"P.avsc\" key payment_id id payment_id"
                    + " time event_time %s }\n";
    private static final String BILLS =
            "stream bills { topic \"bills\" schema \"B.avsc\" key payment_id id bill_id"
                    + " time event_time %s }\n";
    private static final String LEDGER =
            "stream ledger { topic \"ledger\" schema \"L.avsc\" key payment_id id entry_id"
                    + " time booked_at %s }\n";

    private static Compilation compile(String streams, String left, String right) {
        return RuleCompiler.compile(
                TestBundles.bundle(
                        streams
                                + "reconcile \"r\" "
                                + left
                                + " -> "
                                + right
                                + " {\n"
                                + LIFECYCLE.replace("bills", right).replace("payments", left)
                                + "}\n"));
    }

    private static Reconciliation recon(String payments, String bills) {
        Compilation c =
                compile(PAYMENTS.formatted(payments) + BILLS.formatted(bills), "payments", "bills");
        assertThat(c.ok()).as(c.format()).isTrue();
        return c.ruleSet().reconciliations().get(0);
    }

    private static GenericRecord record(Schema schema, Map<String, Object> values) {
        GenericRecord r = new GenericData.Record(schema);
        values.forEach(r::put);
        return r;
    }

    @Test
    void noFilterAcceptsEveryRecord() {
        Reconciliation r = recon("", "");
        assertThat(r.left().filter()).isNull();
        assertThat(r.left().accepts(record(r.left().schema(), Map.of()))).isTrue();
        assertThat(r.left().describe()).doesNotContain("filter");
    }

    @Test
    void bareAndQualifiedFieldsReadTheRecordOnItsOwnSide() {
        Reconciliation r =
                recon(
                        "filter status != \"FAILED\" and payments.amount_minor > 0",
                        "filter bills.status in [\"BILLED\", \"REFUNDED\"]");
        StreamSpec payments = r.left();
        StreamSpec bills = r.right();
        assertThat(payments.filter().side()).isEqualTo(Side.LEFT);
        assertThat(bills.filter().side()).isEqualTo(Side.RIGHT);
        assertThat(payments.filter().text())
                .isEqualTo("status != \"FAILED\" and payments.amount_minor > 0");
        assertThat(payments.filter().condition().describe())
                .isEqualTo("(left.status != \"FAILED\" and left.amount_minor > 0)");
        assertThat(bills.filter().condition().describe()).startsWith("right.status in");

        Schema p = payments.schema();
        assertThat(payments.accepts(record(p, Map.of("status", "SUCCEEDED", "amount_minor", 5L))))
                .isTrue();
        assertThat(payments.accepts(record(p, Map.of("status", "FAILED", "amount_minor", 5L))))
                .isFalse();
        assertThat(payments.accepts(record(p, Map.of("status", "SUCCEEDED", "amount_minor", 0L))))
                .isFalse();
        Schema b = bills.schema();
        assertThat(bills.accepts(record(b, Map.of("status", "BILLED")))).isTrue();
        assertThat(bills.accepts(record(b, Map.of("status", "REVERSED")))).isFalse();
    }

    @Test
    void nullsFollowTheSemanticsOfWhen() {
        Compilation c =
                compile(
                        LEDGER.formatted("filter amount_minor > 0 and account != \"suspense\"")
                                + BILLS.formatted(""),
                        "ledger",
                        "bills");
        assertThat(c.ok()).as(c.format()).isTrue();
        StreamSpec ledger = c.ruleSet().reconciliations().get(0).left();
        Schema l = ledger.schema();
        assertThat(ledger.accepts(record(l, Map.of("account", "a-1", "amount_minor", 10L))))
                .isTrue();
        assertThat(ledger.accepts(record(l, Map.of("account", "suspense", "amount_minor", 10L))))
                .isFalse();
        assertThat(ledger.accepts(record(l, Map.of("account", "a-1"))))
                .as("a comparison with a null amount is false: the record is skipped")
                .isFalse();
        assertThat(ledger.accepts(record(l, Map.of("amount_minor", 10L))))
                .as("'!=' is not (==): a null account is not \"suspense\"")
                .isTrue();
    }

    @Test
    void aStreamOnTheRightOfOneReconciliationAndTheLeftOfAnotherIsPlannedForEach() {
        String rules =
                PAYMENTS.formatted("")
                        + BILLS.formatted("filter status == \"BILLED\"")
                        + LEDGER.formatted("")
                        + "reconcile \"a\" payments -> bills {\n"
                        + LIFECYCLE
                        + "}\nreconcile \"b\" bills -> ledger {\n"
                        + LIFECYCLE
                                .replace("bills", "ledger")
                                .replace("payments", "bills")
                                .replace("right.bill_id", "right.entry_id")
                        + "}\n";
        Compilation c = RuleCompiler.compile(TestBundles.bundle(rules));
        assertThat(c.ok()).as(c.format()).isTrue();
        StreamSpec asRight = c.ruleSet().reconciliation("a").right();
        StreamSpec asLeft = c.ruleSet().reconciliation("b").left();
        assertThat(asRight.filter().side()).isEqualTo(Side.RIGHT);
        assertThat(asLeft.filter().side()).isEqualTo(Side.LEFT);
        GenericRecord billed = record(asRight.schema(), Map.of("status", "BILLED"));
        assertThat(asRight.accepts(billed)).isTrue();
        assertThat(asLeft.accepts(billed)).isTrue();
    }

    @Test
    void aFilterMayUseADeclaredMapAndCountsAsUsingIt() {
        Compilation c =
                compile(
                        PAYMENTS.formatted("filter currency in ok[\"any\"]")
                                + BILLS.formatted("")
                                + "map ok { \"any\": [\"USD\"] }\n",
                        "payments",
                        "bills");
        assertThat(c.ok()).as(c.format()).isTrue();
        assertThat(c.diagnostics()).isEmpty();
        StreamSpec p = c.ruleSet().reconciliations().get(0).left();
        assertThat(p.accepts(record(p.schema(), Map.of("currency", "USD")))).isTrue();
        assertThat(p.accepts(record(p.schema(), Map.of("currency", "EUR")))).isFalse();
    }

    @Test
    void theFilterChangesTheVersionAndTheDescription() {
        Compilation without =
                compile(PAYMENTS.formatted("") + BILLS.formatted(""), "payments", "bills");
        Compilation with =
                compile(
                        PAYMENTS.formatted("filter status != \"FAILED\"") + BILLS.formatted(""),
                        "payments",
                        "bills");
        assertThat(with.version()).isNotEqualTo(without.version());
        assertThat(with.ruleSet().reconciliations().get(0).describe())
                .contains(", filter status != \"FAILED\" [left.status != \"FAILED\"])");
        assertThat(with.explain()).contains("filter status != \"FAILED\"");
    }

    @Test
    void theModelRejectsAFilterOnTheWrongSideOrReadingBothSides() {
        StreamSpec p = recon("", "").left();
        var rightStatus = Fields.stringField(Side.RIGHT, p.schema(), "status");
        var leftStatus = Fields.stringField(Side.LEFT, p.schema(), "status");
        assertThatThrownBy(
                        () ->
                                p.withFilter(
                                        Exprs.and(
                                                Exprs.in(leftStatus, Set.of("A")),
                                                Exprs.in(rightStatus, Set.of("A"))),
                                        "both"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sees only its own record");
        Reconciliation r = recon("", "");
        StreamSpec wrongSide =
                p.withFilter(Exprs.in(rightStatus, Set.of("A")), "status in [\"A\"]");
        assertThatThrownBy(
                        () ->
                                new Reconciliation(
                                        r.name(),
                                        wrongSide,
                                        r.right(),
                                        r.rightDeadline(),
                                        r.leftDeadline(),
                                        r.retention(),
                                        r.pairRules(),
                                        r.rightMissing(),
                                        r.leftMissing(),
                                        r.duplicateRight(),
                                        r.conflictingLeft()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("on the left side");
    }
}
