package dev.recon.loadgen;

import dev.recon.loadgen.internal.GroundTruthCodec;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a generator run wrote and which alerts the engine must emit for it. Stored as JSON lines
 * (see the module README) so that {@code check} can run in another process.
 *
 * @param run parameters and times of the run
 * @param paymentsSent payment records written (redeliveries included)
 * @param billsSent bill records written (redeliveries and duplicates included)
 * @param faults every injected fault, in send order
 * @param expectedAlerts every alert the engine must emit, in send order
 */
public record GroundTruth(
        RunInfo run,
        long paymentsSent,
        long billsSent,
        List<InjectedFault> faults,
        List<ExpectedAlert> expectedAlerts) {

    /** Name of the reconciliation whose alerts the ground truth predicts. */
    public static final String RECONCILIATION = "payments-vs-bills";

    /** Validates and copies. */
    public GroundTruth {
        Objects.requireNonNull(run, "run");
        faults = List.copyOf(faults);
        expectedAlerts = List.copyOf(expectedAlerts);
    }

    /** Injected faults per class; every class is present, with 0 when none was injected. */
    public Map<FaultClass, Integer> faultsInjected() {
        Map<FaultClass, Integer> counts = new EnumMap<>(FaultClass.class);
        for (FaultClass c : FaultClass.values()) {
            counts.put(c, 0);
        }
        faults.forEach(f -> counts.merge(f.faultClass(), 1, Integer::sum));
        return counts;
    }

    /** Writes this ground truth to a JSON-lines file, replacing it. */
    public void write(Path file) {
        GroundTruthCodec.write(this, file);
    }

    /** Reads a ground truth written by {@link #write(Path)}; throws {@link LoadGenException}. */
    public static GroundTruth read(Path file) {
        return GroundTruthCodec.read(file);
    }
}
