package dev.recon.loadgen;

/**
 * The outcome for one fault class.
 *
 * @param faultClass the class
 * @param injected faults injected
 * @param expected alerts expected (0 for classes that must not alert)
 * @param detected expected alerts seen
 * @param falseAlerts unexpected TRIGGER alerts on payments that got this fault
 */
public record ClassResult(
        FaultClass faultClass, int injected, int expected, int detected, int falseAlerts) {

    /** Expected alerts not seen. */
    public int missed() {
        return expected - detected;
    }
}
