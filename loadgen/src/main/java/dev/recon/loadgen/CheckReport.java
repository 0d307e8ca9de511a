package dev.recon.loadgen;

import dev.recon.loadgen.internal.ReportFormatter;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the alerts topic held compared with the ground truth. Passed when no expected alert was
 * missed and no unexpected TRIGGER (ENFORCE) alert was raised.
 *
 * @param run the run that was checked
 * @param perClass outcome per fault class, every class present, in declaration order
 * @param missed expected alerts never seen
 * @param falseAlerts TRIGGER alerts in ENFORCE mode for this run that were not expected
 * @param shadowAlerts TRIGGER alerts in SHADOW mode (reported, never false)
 * @param resolves RESOLVE alerts (the generator never causes one, so each is worth a look)
 * @param alertsRead alert records decoded, duplicates and other runs included
 * @param duplicates deliveries of an alert already seen (the sink is at-least-once)
 * @param otherRunAlerts alerts whose key is not a payment of this run, ignored
 * @param undecodable records of the alerts topic that were not alert JSON
 * @param timedOut whether reading stopped at the timeout rather than when complete and quiet
 * @param latency detection latency over the expected alerts seen
 */
public record CheckReport(
        RunInfo run,
        Map<FaultClass, ClassResult> perClass,
        List<ExpectedAlert> missed,
        List<SeenAlert> falseAlerts,
        List<SeenAlert> shadowAlerts,
        List<SeenAlert> resolves,
        long alertsRead,
        long duplicates,
        long otherRunAlerts,
        long undecodable,
        boolean timedOut,
        LatencyStats latency) {

    /** Copies the collections. */
    public CheckReport {
        EnumMap<FaultClass, ClassResult> ordered = new EnumMap<>(FaultClass.class);
        ordered.putAll(perClass);
        perClass = Collections.unmodifiableMap(ordered);
        missed = List.copyOf(missed);
        falseAlerts = List.copyOf(falseAlerts);
        shadowAlerts = List.copyOf(shadowAlerts);
        resolves = List.copyOf(resolves);
    }

    /** No expected alert missed and no false alert. */
    public boolean passed() {
        return missed.isEmpty() && falseAlerts.isEmpty();
    }

    /** A copy carrying how the reading went. */
    public CheckReport withReading(long undecodableRecords, boolean stoppedAtTimeout) {
        return new CheckReport(
                run,
                perClass,
                missed,
                falseAlerts,
                shadowAlerts,
                resolves,
                alertsRead,
                duplicates,
                otherRunAlerts,
                undecodableRecords,
                stoppedAtTimeout,
                latency);
    }

    /** A readable multi-line summary: a table per fault class, then details. */
    public String format() {
        return ReportFormatter.format(this);
    }
}
