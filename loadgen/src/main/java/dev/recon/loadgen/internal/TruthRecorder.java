package dev.recon.loadgen.internal;

import dev.recon.loadgen.ExpectedAlert;
import dev.recon.loadgen.FaultClass;
import dev.recon.loadgen.GroundTruth;
import dev.recon.loadgen.InjectedFault;
import dev.recon.loadgen.RunInfo;
import dev.recon.model.AlertIds;

import java.util.ArrayList;
import java.util.List;

/** Collects the injected faults and the alerts they must raise. */
final class TruthRecorder {
    private final List<InjectedFault> faults = new ArrayList<>();
    private final List<ExpectedAlert> expected = new ArrayList<>();

    /** Records a fault whose class alerts, and the alert it must raise. */
    void record(
            FaultClass fault,
            String paymentId,
            List<String> billIds,
            String discriminator,
            long decidedAt) {
        String rule =
                fault.expectedRuleId()
                        .orElseThrow(() -> new IllegalArgumentException(fault + " never alerts"));
        faults.add(new InjectedFault(paymentId, fault, billIds));
        String id = AlertIds.of(GroundTruth.RECONCILIATION, rule, paymentId, discriminator);
        expected.add(new ExpectedAlert(id, rule, fault, paymentId, discriminator, decidedAt));
    }

    /** Records a fault that must not alert. */
    void recordSilent(FaultClass fault, String paymentId, List<String> billIds) {
        if (fault.alerts()) {
            throw new IllegalArgumentException(fault + " must alert");
        }
        faults.add(new InjectedFault(paymentId, fault, billIds));
    }

    GroundTruth build(RunInfo run, long paymentsSent, long billsSent) {
        return new GroundTruth(run, paymentsSent, billsSent, faults, expected);
    }
}
