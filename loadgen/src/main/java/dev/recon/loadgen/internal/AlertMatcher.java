package dev.recon.loadgen.internal;

import dev.recon.loadgen.CheckReport;
import dev.recon.loadgen.ClassResult;
import dev.recon.loadgen.ExpectedAlert;
import dev.recon.loadgen.FaultClass;
import dev.recon.loadgen.GroundTruth;
import dev.recon.loadgen.InjectedFault;
import dev.recon.loadgen.LatencyStats;
import dev.recon.loadgen.SeenAlert;
import dev.recon.model.avro.Alert;
import dev.recon.model.avro.AlertAction;
import dev.recon.model.avro.RuleMode;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Compares alerts with a ground truth: a pure function, deduplicating by alert id. */
public final class AlertMatcher {
    private final GroundTruth truth;
    private final Map<String, ExpectedAlert> expected = new LinkedHashMap<>();
    private final Map<String, FaultClass> faultOfPayment = new HashMap<>();
    private final Map<String, SeenAlert> matched = new HashMap<>();
    private final Map<String, SeenAlert> falseAlerts = new LinkedHashMap<>();
    private final Map<String, SeenAlert> shadow = new LinkedHashMap<>();
    private final Map<String, SeenAlert> resolves = new LinkedHashMap<>();
    private long read;
    private long duplicates;
    private long otherRun;

    private AlertMatcher(GroundTruth truth) {
        this.truth = truth;
        truth.expectedAlerts().forEach(a -> expected.put(a.alertId(), a));
        for (InjectedFault f : truth.faults()) {
            faultOfPayment.put(f.paymentId(), f.faultClass());
        }
    }

    /** The report for the given alerts, in the order they were read. */
    public static CheckReport match(GroundTruth truth, List<Alert> alerts) {
        AlertMatcher m = new AlertMatcher(truth);
        alerts.forEach(m::add);
        return m.report();
    }

    private void add(Alert a) {
        read++;
        if (!truth.run().owns(a.getKey())) {
            otherRun++;
            return;
        }
        SeenAlert seen = SeenAlert.of(a, faultOfPayment.get(a.getKey()));
        Map<String, SeenAlert> bucket = bucketOf(a);
        SeenAlert before = bucket.putIfAbsent(a.getAlertId(), seen);
        if (before != null) {
            duplicates++;
            if (seen.detectedAt() < before.detectedAt()) {
                bucket.put(a.getAlertId(), seen);
            }
        }
    }

    private Map<String, SeenAlert> bucketOf(Alert a) {
        if (a.getAction() == AlertAction.RESOLVE) {
            return resolves;
        }
        if (a.getMode() == RuleMode.SHADOW) {
            return shadow;
        }
        return expected.containsKey(a.getAlertId()) ? matched : falseAlerts;
    }

    private CheckReport report() {
        List<ExpectedAlert> missed = new ArrayList<>();
        List<Long> latencies = new ArrayList<>();
        for (ExpectedAlert e : expected.values()) {
            SeenAlert seen = matched.get(e.alertId());
            if (seen == null) {
                missed.add(e);
            } else {
                latencies.add(seen.detectedAt() - e.decidedAt());
            }
        }
        long[] values = latencies.stream().mapToLong(Long::longValue).toArray();
        return new CheckReport(
                truth.run(),
                perClass(),
                missed,
                List.copyOf(falseAlerts.values()),
                List.copyOf(shadow.values()),
                List.copyOf(resolves.values()),
                read,
                duplicates,
                otherRun,
                0,
                false,
                LatencyStats.of(values));
    }

    private Map<FaultClass, ClassResult> perClass() {
        Map<FaultClass, int[]> counts = new EnumMap<>(FaultClass.class);
        for (FaultClass c : FaultClass.values()) {
            counts.put(c, new int[4]);
        }
        truth.faults().forEach(f -> counts.get(f.faultClass())[0]++);
        expected.values().forEach(e -> counts.get(e.faultClass())[1]++);
        matched.keySet().forEach(id -> counts.get(expected.get(id).faultClass())[2]++);
        for (SeenAlert f : falseAlerts.values()) {
            if (f.faultClass() != null) {
                counts.get(f.faultClass())[3]++;
            }
        }
        Map<FaultClass, List<Long>> latencies = new EnumMap<>(FaultClass.class);
        matched.forEach(
                (id, seen) -> {
                    ExpectedAlert e = expected.get(id);
                    latencies
                            .computeIfAbsent(e.faultClass(), k -> new ArrayList<>())
                            .add(seen.detectedAt() - e.decidedAt());
                });
        Map<FaultClass, ClassResult> out = new EnumMap<>(FaultClass.class);
        counts.forEach(
                (c, n) -> {
                    long[] l =
                            latencies.getOrDefault(c, List.of()).stream()
                                    .mapToLong(Long::longValue)
                                    .toArray();
                    out.put(c, new ClassResult(c, n[0], n[1], n[2], n[3], LatencyStats.of(l)));
                });
        return out;
    }
}
