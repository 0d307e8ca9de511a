package dev.recon.loadgen;

/**
 * The outcome for one fault class.
 *
 * @param faultClass the class
 * @param injected faults injected
 * @param expected alerts expected (0 for classes that must not alert)
 * @param detected expected alerts seen
 * @param falseAlerts unexpected TRIGGER alerts on payments that got this fault
 * @param latency detection latency of this class's expected alerts that were seen
 */
public record ClassResult(
        FaultClass faultClass,
        int injected,
        int expected,
        int detected,
        int falseAlerts,
        LatencyStats latency) {

    /** A result without latency figures. */
    public ClassResult(
            FaultClass faultClass, int injected, int expected, int detected, int falseAlerts) {
        this(faultClass, injected, expected, detected, falseAlerts, LatencyStats.EMPTY);
    }

    /** Expected alerts not seen. */
    public int missed() {
        return expected - detected;
    }
}
