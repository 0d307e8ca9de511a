package dev.recon.rules.expr;

import dev.recon.rules.MessageTemplate;
import dev.recon.rules.PairRule;
import dev.recon.rules.Side;
import dev.recon.rules.Tolerance;
import dev.recon.rules.expr.Predicates.Comparison;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tests for the evaluator nodes: null semantics, overflow, tolerances, descriptions, fields. */
class EvaluatorTest {
    private static final Schema S =
            SchemaBuilder.record("R")
                    .fields()
                    .optionalLong("amount")
                    .optionalString("code")
                    .requiredLong("other")
                    .endRecord();
    private static final LongExpr AMOUNT = Fields.longField(Side.LEFT, S, "amount");
    private static final LongExpr OTHER = Fields.longField(Side.RIGHT, S, "other");
    private static final StringExpr CODE = Fields.stringField(Side.LEFT, S, "code");
    private static final StringExpr RIGHT_CODE = Fields.stringField(Side.RIGHT, S, "code");

    private static GenericRecord rec(Long amount, String code, long other) {
        GenericData.Record r = new GenericData.Record(S);
        r.put("amount", amount);
        r.put("code", code);
        r.put("other", other);
        return r;
    }

    private static final GenericRecord NULLS = rec(null, null, 7);
    private static final GenericRecord FULL = rec(100L, "USD", 7);

    @Test
    void fieldsReadByPositionAndMissingSidesAreNull() {
        assertThat(AMOUNT.eval(FULL, null)).isEqualTo(100);
        assertThat(AMOUNT.eval(NULLS, FULL)).isEqualTo(LongExpr.NULL);
        assertThat(OTHER.eval(FULL, null)).isEqualTo(LongExpr.NULL);
        assertThat(CODE.eval(null, FULL)).isNull();
        assertThat(AMOUNT.fields()).containsExactly(new FieldRef(Side.LEFT, "amount", 0, "long"));
    }

    @Test
    void aRuleBreaksWhenItsGuardHoldsAndItsCheckFailsWithOrWithoutAGuard() {
        BoolExpr usd = Exprs.equal(CODE, Exprs.literal("USD"));
        BoolExpr positive = Predicates.compare(AMOUNT, Comparison.GT, Arithmetic.constant(0));
        PairRule unguarded = rule(null, positive);
        PairRule guarded = rule(usd, positive);
        PairRule never = rule(Predicates.constant(false), positive);
        GenericRecord usdZero = rec(0L, "USD", 7);
        GenericRecord eurZero = rec(0L, "EUR", 7);
        assertThat(unguarded.isBreak(FULL, null)).isFalse();
        assertThat(unguarded.isBreak(usdZero, null)).isTrue();
        assertThat(unguarded.isBreak(eurZero, null)).isTrue();
        assertThat(guarded.isBreak(usdZero, null)).isTrue();
        assertThat(guarded.isBreak(eurZero, null)).as("guard false: no break").isFalse();
        assertThat(never.isBreak(usdZero, null)).isFalse();
        assertThat(Predicates.isTrue(Exprs.always())).isTrue();
        assertThat(Predicates.isTrue(Predicates.constant(false))).isFalse();
        assertThat(Predicates.isTrue(usd)).isFalse();
    }

    private static PairRule rule(BoolExpr when, BoolExpr check) {
        PairRule.Builder b =
                PairRule.builder("r")
                        .setCheck(check)
                        .setAtRisk(AMOUNT)
                        .setMessage(MessageTemplate.compile("m", S, S));
        return when == null ? b.build() : b.setWhen(when).build();
    }

    @Test
    void equalityTreatsTwoNullsAsEqualAndOneNullAsUnequal() {
        assertThat(Exprs.equal(CODE, RIGHT_CODE).test(NULLS, NULLS)).isTrue();
        assertThat(Exprs.equal(CODE, RIGHT_CODE).test(FULL, NULLS)).isFalse();
        assertThat(Predicates.equal(AMOUNT, AMOUNT).test(NULLS, null)).isTrue();
        assertThat(Predicates.equal(AMOUNT, OTHER).test(NULLS, FULL)).isFalse();
        assertThat(Exprs.not(Exprs.equal(CODE, RIGHT_CODE)).test(FULL, NULLS)).isTrue();
        assertThat(Predicates.notEqual(CODE, RIGHT_CODE).test(FULL, NULLS)).isTrue();
        assertThat(Predicates.notEqual(CODE, RIGHT_CODE).test(NULLS, NULLS)).isFalse();
        assertThat(Predicates.notEqual(AMOUNT, OTHER).test(NULLS, FULL)).isTrue();
        assertThat(Predicates.notEqual(AMOUNT, AMOUNT).test(NULLS, null)).isFalse();
    }

    @Test
    void orderingComparisonsAreFalseWithANullOperand() {
        for (Comparison op : Comparison.values()) {
            assertThat(Predicates.compare(AMOUNT, op, OTHER).test(NULLS, FULL)).isFalse();
            assertThat(Predicates.compare(OTHER, op, AMOUNT).test(NULLS, FULL)).isFalse();
        }
        assertThat(Predicates.compare(AMOUNT, Comparison.GT, OTHER).test(FULL, FULL)).isTrue();
        assertThat(Predicates.compare(AMOUNT, Comparison.LE, OTHER).test(FULL, FULL)).isFalse();
        assertThat(Exprs.not(Predicates.compare(AMOUNT, Comparison.LT, OTHER)).test(NULLS, FULL))
                .as("not is plain negation: not (null < x) is true")
                .isTrue();
    }

    @Test
    void arithmeticIsExactAndOverflowGivesNull() {
        LongExpr max = Arithmetic.constant(Long.MAX_VALUE);
        LongExpr one = Arithmetic.constant(1);
        assertThat(Arithmetic.add(max, one).eval(null, null)).isEqualTo(LongExpr.NULL);
        assertThat(Arithmetic.multiply(max, Arithmetic.constant(2)).eval(null, null))
                .isEqualTo(LongExpr.NULL);
        assertThat(Arithmetic.subtract(Arithmetic.negate(max), one).eval(null, null))
                .as("-2^63 is the NULL sentinel itself")
                .isEqualTo(LongExpr.NULL);
        assertThat(
                        Arithmetic.subtract(Arithmetic.negate(max), Arithmetic.constant(2))
                                .eval(null, null))
                .isEqualTo(LongExpr.NULL);
        assertThat(Arithmetic.add(AMOUNT, one).eval(FULL, null)).isEqualTo(101);
        assertThat(Arithmetic.add(AMOUNT, one).eval(NULLS, null)).isEqualTo(LongExpr.NULL);
        assertThat(Arithmetic.abs(Arithmetic.constant(-5)).eval(null, null)).isEqualTo(5);
        assertThat(Arithmetic.abs(AMOUNT).eval(NULLS, null)).isEqualTo(LongExpr.NULL);
        assertThatThrownBy(() -> Arithmetic.constant(Long.MIN_VALUE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withinIsFalseWhenAnAmountIsMissingAndBasisPointsAreExact() {
        BoolExpr exact = Exprs.within(AMOUNT, OTHER, Tolerance.exact());
        assertThat(exact.test(NULLS, FULL)).isFalse();
        assertThat(exact.test(rec(7L, null, 0), FULL)).isTrue();
        LongExpr tenThousand = Arithmetic.constant(10_000);
        assertThat(bps(10, tenThousand, 10_010)).isTrue();
        assertThat(bps(10, tenThousand, 10_011)).isFalse();
        assertThat(bps(10, tenThousand, 9_990)).isTrue();
        assertThat(bps(0, tenThousand, 10_000)).isTrue();
        assertThat(bps(10_000, Arithmetic.constant(Long.MAX_VALUE), 0))
                .as("100%% of the expected amount, computed without overflow")
                .isTrue();
        assertThat(bps(1, Arithmetic.constant(Long.MAX_VALUE), Long.MAX_VALUE - 1)).isTrue();
    }

    private static boolean bps(long bps, LongExpr expected, long actual) {
        return Exprs.within(expected, Arithmetic.constant(actual), Tolerance.basisPoints(bps))
                .test(null, null);
    }

    @Test
    void setsAndMapsNeverContainNull() {
        assertThat(Exprs.in(CODE, Set.of("USD")).test(FULL, null)).isTrue();
        assertThat(Exprs.in(CODE, Set.of("USD")).test(NULLS, null)).isFalse();
        assertThat(Predicates.in(AMOUNT, Set.of(100L)).test(FULL, null)).isTrue();
        assertThat(Predicates.in(AMOUNT, Set.of(100L)).test(NULLS, null)).isFalse();
        Map<String, Set<String>> allowed = Map.of("USD", Set.of("USD"));
        assertThat(Exprs.mapsTo(CODE, RIGHT_CODE, allowed).test(FULL, FULL)).isTrue();
        assertThat(Exprs.mapsTo(CODE, RIGHT_CODE, allowed).test(FULL, NULLS)).isFalse();
        assertThat(Exprs.mapsTo(CODE, RIGHT_CODE, allowed).test(NULLS, FULL)).isFalse();
    }

    @Test
    void stringFunctionsPassNullThrough() {
        StringExpr padded = Exprs.literal("  MiXed ");
        assertThat(Strings.upper(Strings.trim(padded)).eval(null, null)).isEqualTo("MIXED");
        assertThat(Strings.lower(padded).eval(null, null)).isEqualTo("  mixed ");
        assertThat(Strings.upper(CODE).eval(NULLS, null)).isNull();
        assertThat(Arithmetic.length(Exprs.literal("e\u0301😀")).eval(null, null)).isEqualTo(3);
        assertThat(Arithmetic.length(CODE).eval(NULLS, null)).isEqualTo(LongExpr.NULL);
        assertThat(Predicates.startsWith(CODE, Exprs.literal("US")).test(FULL, null)).isTrue();
        assertThat(Predicates.startsWith(CODE, Exprs.literal("US")).test(NULLS, null)).isFalse();
        assertThat(Predicates.isNull(CODE).test(NULLS, null)).isTrue();
        assertThat(Predicates.isNull(AMOUNT).test(null, null)).isTrue();
        assertThat(Predicates.isNull(AMOUNT).test(FULL, null)).isFalse();
        assertThat(Predicates.isNotNull(AMOUNT).test(FULL, null)).isTrue();
        assertThat(Predicates.isNotNull(CODE).test(NULLS, null)).isFalse();
    }

    @Test
    void coalesceTakesTheFirstPresentValue() {
        assertThat(
                        Arithmetic.coalesce(List.of(AMOUNT, OTHER, Arithmetic.constant(1)))
                                .eval(NULLS, FULL))
                .isEqualTo(7);
        assertThat(Arithmetic.coalesce(List.of(AMOUNT, OTHER)).eval(NULLS, null))
                .isEqualTo(LongExpr.NULL);
        assertThat(Strings.coalesce(List.of(CODE, Exprs.literal("none"))).eval(NULLS, null))
                .isEqualTo("none");
    }

    @Test
    void descriptionsAreCanonicalAndListTheFieldsRead() {
        LongExpr diff = Arithmetic.abs(Arithmetic.subtract(AMOUNT, OTHER));
        assertThat(diff.describe()).isEqualTo("abs(left.amount - right.other)");
        assertThat(Arithmetic.abs(AMOUNT).describe()).isEqualTo("abs(left.amount)");
        BoolExpr both =
                Exprs.and(Exprs.equal(CODE, Exprs.literal("a\"b")), Predicates.constant(true));
        assertThat(both.describe()).isEqualTo("(left.code == \"a\\\"b\" and true)");
        assertThat(Exprs.within(AMOUNT, OTHER, Tolerance.basisPoints(5)).describe())
                .isEqualTo("right.other within +/- 5 bps of left.amount");
        assertThat(diff.fields())
                .extracting(FieldRef::label)
                .containsExactly("left.amount", "right.other");
        assertThat(Nodes.unwrap("(a) + (b)")).isEqualTo("(a) + (b)");
        assertThat(Nodes.unwrap("(a + \")\")")).isEqualTo("a + \")\"");
    }
}
