package dev.recon.loadgen;

import dev.recon.model.avro.Alert;
import dev.recon.model.avro.AlertAction;
import dev.recon.model.avro.RuleMode;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Tests for {@link AlertChecker#evaluate}: the comparison of alerts with a ground truth. */
class AlertCheckerTest {
    private final GroundTruth truth = TruthFixtures.truth();
    private final ExpectedAlert amount = truth.expectedAlerts().get(0);
    private final ExpectedAlert dropped = truth.expectedAlerts().get(1);
    private final ExpectedAlert duplicate = truth.expectedAlerts().get(2);

    @Test
    void exactlyTheExpectedAlertsPass() {
        List<Alert> alerts = new ArrayList<>();
        truth.expectedAlerts().forEach(e -> alerts.add(TestAlerts.of(e, 100)));

        CheckReport r = AlertChecker.evaluate(truth, alerts);
        assertThat(r.passed()).isTrue();
        assertThat(r.missed()).isEmpty();
        assertThat(r.falseAlerts()).isEmpty();
        assertThat(r.perClass().values())
                .allSatisfy(c -> assertThat(c.detected()).isEqualTo(c.expected()));
    }

    @Test
    void missingAlertIsMissedAndUnexpectedOneIsFalse() {
        Alert onSilentFault =
                TestAlerts.trigger("f1", "status-consistent", TruthFixtures.P_REDELIVERED, 5_000);
        Alert onCleanPayment =
                TestAlerts.trigger("f2", "bill-missing", TruthFixtures.P_CLEAN, 5_000);
        List<Alert> alerts =
                List.of(
                        TestAlerts.of(amount, 10),
                        TestAlerts.of(dropped, 10),
                        onSilentFault,
                        onCleanPayment);

        CheckReport r = AlertChecker.evaluate(truth, alerts);
        assertThat(r.passed()).isFalse();
        assertThat(r.missed()).containsExactly(duplicate);
        assertThat(r.falseAlerts()).extracting(SeenAlert::alertId).containsExactly("f1", "f2");
        assertThat(r.falseAlerts().get(0).faultClass()).isEqualTo(FaultClass.REDELIVERED_BILL);
        assertThat(r.falseAlerts().get(1).faultClass()).isNull();
        assertThat(r.perClass().get(FaultClass.REDELIVERED_BILL).falseAlerts()).isEqualTo(1);
        assertThat(r.perClass().get(FaultClass.DUPLICATE_BILL).missed()).isEqualTo(1);
    }

    @Test
    void redeliveredAlertsAreDedupedAndTheEarliestCounts() {
        List<Alert> alerts = new ArrayList<>();
        truth.expectedAlerts().forEach(e -> alerts.add(TestAlerts.of(e, 300)));
        alerts.add(TestAlerts.of(amount, 900));
        alerts.add(TestAlerts.of(amount, 200));
        Alert falseOne = TestAlerts.trigger("f1", "amount-match", TruthFixtures.P_CLEAN, 1);
        alerts.add(falseOne);
        alerts.add(falseOne);

        CheckReport r = AlertChecker.evaluate(truth, alerts);
        assertThat(r.duplicates()).isEqualTo(3);
        assertThat(r.alertsRead()).isEqualTo(alerts.size());
        assertThat(r.falseAlerts()).hasSize(1);
        assertThat(r.perClass().get(FaultClass.AMOUNT_MISMATCH).detected()).isEqualTo(1);
        assertThat(r.latency().count()).isEqualTo(truth.expectedAlerts().size());
        assertThat(r.latency().p50()).isEqualTo(300);
        assertThat(r.latency().max()).isEqualTo(300);
    }

    @Test
    void shadowResolveAndOtherRunsAreNeitherMatchedNorFalse() {
        List<Alert> alerts = new ArrayList<>();
        truth.expectedAlerts().forEach(e -> alerts.add(TestAlerts.of(e, 50)));
        alerts.add(
                TestAlerts.alert(
                        "s1",
                        "amount-match",
                        TruthFixtures.P_CLEAN,
                        AlertAction.TRIGGER,
                        RuleMode.SHADOW,
                        1));
        alerts.add(
                TestAlerts.alert(
                        dropped.alertId(),
                        dropped.ruleId(),
                        dropped.paymentId(),
                        AlertAction.RESOLVE,
                        RuleMode.ENFORCE,
                        9_999));
        alerts.add(TestAlerts.trigger("o1", "bill-missing", "p-otherrun-1", 1));

        CheckReport r = AlertChecker.evaluate(truth, alerts);
        assertThat(r.passed()).isTrue();
        assertThat(r.shadowAlerts()).extracting(SeenAlert::alertId).containsExactly("s1");
        assertThat(r.resolves()).extracting(SeenAlert::alertId).containsExactly(dropped.alertId());
        assertThat(r.otherRunAlerts()).isEqualTo(1);
    }

    @Test
    void expectedAlertSeenOnlyInShadowModeIsMissed() {
        List<Alert> alerts = new ArrayList<>();
        alerts.add(TestAlerts.of(amount, 5));
        alerts.add(TestAlerts.of(dropped, 5));
        alerts.add(
                TestAlerts.alert(
                        duplicate.alertId(),
                        duplicate.ruleId(),
                        duplicate.paymentId(),
                        AlertAction.TRIGGER,
                        RuleMode.SHADOW,
                        4_000));

        CheckReport r = AlertChecker.evaluate(truth, alerts);
        assertThat(r.missed()).containsExactly(duplicate);
        assertThat(r.shadowAlerts()).hasSize(1);
        assertThat(r.falseAlerts()).isEmpty();
    }

    @Test
    void latencyIsDetectionMinusDecision() {
        List<Alert> alerts =
                List.of(
                        TestAlerts.of(amount, 40),
                        TestAlerts.of(dropped, 10),
                        TestAlerts.of(duplicate, 2_500));

        LatencyStats l = AlertChecker.evaluate(truth, alerts).latency();
        assertThat(l.count()).isEqualTo(3);
        assertThat(l.p50()).isEqualTo(40);
        assertThat(l.p99()).isEqualTo(2_500);
        assertThat(l.max()).isEqualTo(2_500);
    }
}
