package dev.recon.loadgen;

import dev.recon.model.AlertIds;

import java.util.List;

/** A small hand-built ground truth (test helper). */
final class TruthFixtures {
    static final String RUN = "fx";
    static final String P_AMOUNT = "p-fx-1";
    static final String P_DROPPED = "p-fx-2";
    static final String P_DUPLICATE = "p-fx-3";
    static final String P_REDELIVERED = "p-fx-4";
    static final String P_CLEAN = "p-fx-5";

    private TruthFixtures() {}

    static RunInfo run() {
        return new RunInfo(RUN, 42, 5, 0.01, 5_000, "payments", "bills", 1_000, 9_000);
    }

    static ExpectedAlert expected(FaultClass c, String paymentId, String disc, long decidedAt) {
        String rule = c.expectedRuleId().orElseThrow();
        String id = AlertIds.of(GroundTruth.RECONCILIATION, rule, paymentId, disc);
        return new ExpectedAlert(id, rule, c, paymentId, disc, decidedAt);
    }

    /** Three alerting faults and one silent one, over five payments. */
    static GroundTruth truth() {
        List<InjectedFault> faults =
                List.of(
                        new InjectedFault(P_AMOUNT, FaultClass.AMOUNT_MISMATCH, List.of("b-fx-1")),
                        new InjectedFault(P_DROPPED, FaultClass.BILL_DROPPED, List.of()),
                        new InjectedFault(
                                P_DUPLICATE,
                                FaultClass.DUPLICATE_BILL,
                                List.of("b-fx-3", "b-fx-3x2")),
                        new InjectedFault(
                                P_REDELIVERED, FaultClass.REDELIVERED_BILL, List.of("b-fx-4")));
        List<ExpectedAlert> expected =
                List.of(
                        expected(FaultClass.AMOUNT_MISMATCH, P_AMOUNT, "b-fx-1", 2_000),
                        expected(FaultClass.BILL_DROPPED, P_DROPPED, "", 7_000),
                        expected(FaultClass.DUPLICATE_BILL, P_DUPLICATE, "b-fx-3x2", 3_000));
        return new GroundTruth(run(), 4, 5, faults, expected);
    }
}
