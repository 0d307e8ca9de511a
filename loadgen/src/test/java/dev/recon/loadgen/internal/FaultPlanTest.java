package dev.recon.loadgen.internal;

import dev.recon.loadgen.FaultClass;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tests for {@link FaultPlan}. */
class FaultPlanTest {

    private static List<FaultClass> all(FaultPlan plan, long events) {
        List<FaultClass> out = new ArrayList<>();
        for (long i = 0; i < events; i++) {
            out.add(plan.faultOf(i));
        }
        return out;
    }

    @Test
    void sameSeedSamePlanOtherSeedOtherPlan() {
        List<FaultClass> a = all(FaultPlan.choose(20_000, 0.002, 42), 20_000);
        List<FaultClass> b = all(FaultPlan.choose(20_000, 0.002, 42), 20_000);
        List<FaultClass> c = all(FaultPlan.choose(20_000, 0.002, 43), 20_000);
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void eachClassGetsTheConfiguredFraction() {
        long events = 37_000;
        double fraction = 0.003;
        FaultPlan plan = FaultPlan.choose(events, fraction, 9);
        Map<FaultClass, Integer> seen = new EnumMap<>(FaultClass.class);
        all(plan, events).stream()
                .filter(c -> c != null)
                .forEach(c -> seen.merge(c, 1, Integer::sum));

        int perClass = (int) Math.round(events * fraction);
        assertThat(seen).hasSize(FaultClass.values().length);
        assertThat(seen.values()).allSatisfy(n -> assertThat(n).isEqualTo(perClass));
        assertThat(plan.counts()).isEqualTo(seen);
        assertThat(plan.size()).isEqualTo(perClass * FaultClass.values().length);
    }

    @Test
    void faultsAreSpreadOverTheWholeRun() {
        long events = 40_000;
        FaultPlan plan = FaultPlan.choose(events, 0.01, 1);
        int[] perQuarter = new int[4];
        for (long i = 0; i < events; i++) {
            if (plan.faultOf(i) != null) {
                perQuarter[(int) (4 * i / events)]++;
            }
        }
        int quarterShare = plan.size() / 4;
        for (int n : perQuarter) {
            assertThat(n).isBetween(quarterShare * 8 / 10, quarterShare * 12 / 10);
        }
    }

    @Test
    void largestFractionFaultsEveryEventOnce() {
        int events = 900;
        FaultPlan plan = FaultPlan.choose(events, FaultPlan.MAX_FRACTION, 4);
        assertThat(all(plan, events)).doesNotContainNull();
        assertThat(FaultPlan.choose(events, 0, 4).size()).isZero();
    }

    @Test
    void rejectsFractionsOutOfRange() {
        assertThatThrownBy(() -> FaultPlan.choose(100, 0.2, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1/9");
        assertThatThrownBy(() -> FaultPlan.choose(100, -0.1, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
