package dev.recon.loadgen.internal;

import dev.recon.loadgen.FaultClass;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Which events get which fault: exactly {@code round(events * fraction)} events per class, at most
 * one fault per event, chosen uniformly by a seeded generator (Floyd's sampling).
 */
public final class FaultPlan {
    /** Largest fraction per class: every event faulted once with each of the classes. */
    public static final double MAX_FRACTION = 1.0 / FaultClass.values().length;

    private final Map<Long, FaultClass> byIndex;
    private final Map<FaultClass, Integer> counts;

    private FaultPlan(Map<Long, FaultClass> byIndex, Map<FaultClass, Integer> counts) {
        this.byIndex = byIndex;
        this.counts = counts;
    }

    /** Chooses the faulted events; the same arguments always give the same plan. */
    public static FaultPlan choose(long events, double fractionPerClass, long seed) {
        int perClass = perClass(events, fractionPerClass);
        SplittableRandom rng = new SplittableRandom(seed);
        List<Long> indexes = sample(events, perClass * FaultClass.values().length, rng);
        List<FaultClass> labels = new ArrayList<>(indexes.size());
        Map<FaultClass, Integer> counts = new EnumMap<>(FaultClass.class);
        for (FaultClass c : FaultClass.values()) {
            labels.addAll(Collections.nCopies(perClass, c));
            counts.put(c, perClass);
        }
        Collections.shuffle(labels, new Random(rng.nextLong()));
        Map<Long, FaultClass> byIndex = new HashMap<>();
        for (int i = 0; i < indexes.size(); i++) {
            byIndex.put(indexes.get(i), labels.get(i));
        }
        return new FaultPlan(byIndex, counts);
    }

    /** Faults per class: {@code round(events * fraction)}, at most one fault per event. */
    private static int perClass(long events, double fractionPerClass) {
        if (events < 0) {
            throw new IllegalArgumentException("events must be >= 0, got " + events);
        }
        if (!(fractionPerClass >= 0 && fractionPerClass <= MAX_FRACTION)) {
            throw new IllegalArgumentException(
                    "fault fraction must be in [0, 1/9], got " + fractionPerClass);
        }
        int classes = FaultClass.values().length;
        long perClass = Math.min(Math.round(events * fractionPerClass), events / classes);
        if (perClass * classes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many faults: " + perClass * classes);
        }
        return (int) perClass;
    }

    /** Sorted sample of {@code k} distinct values of {@code [0, n)}. */
    private static List<Long> sample(long n, int k, SplittableRandom rng) {
        Set<Long> chosen = new HashSet<>();
        for (long j = n - k; j < n; j++) {
            long t = rng.nextLong(j + 1);
            if (!chosen.add(t)) {
                chosen.add(j);
            }
        }
        List<Long> sorted = new ArrayList<>(chosen);
        Collections.sort(sorted);
        return sorted;
    }

    /** The fault of event {@code index}, or null when the event is clean. */
    public FaultClass faultOf(long index) {
        return byIndex.get(index);
    }

    /** Faulted events per class. */
    public Map<FaultClass, Integer> counts() {
        return Collections.unmodifiableMap(counts);
    }

    /** Number of faulted events. */
    public int size() {
        return byIndex.size();
    }
}
