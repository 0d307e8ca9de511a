package dev.recon.loadgen.internal;

import dev.recon.loadgen.LoadGenException;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/** Holds the send loop to a target rate, running delayed sends that fall due while it waits. */
final class Pacer {
    private final double nanosPerEvent;
    private final DelayedSends delayed;
    private final LongSupplier clock;
    private final long startNanos = System.nanoTime();

    /** A pacer for {@code ratePerSecond} events a second; 0 means as fast as possible. */
    Pacer(long ratePerSecond, DelayedSends delayed, LongSupplier clock) {
        this.nanosPerEvent = ratePerSecond > 0 ? 1e9 / ratePerSecond : 0;
        this.delayed = delayed;
        this.clock = clock;
    }

    /** Waits until event {@code index} is due, then runs every delayed send already due. */
    void awaitSlot(long index) {
        long due = startNanos + (long) (index * nanosPerEvent);
        long wait;
        while ((wait = due - System.nanoTime()) > 0) {
            sleepNanos(Math.min(wait, nanosUntilNextDelayed()));
            delayed.runDue(clock.getAsLong());
        }
        delayed.runDue(clock.getAsLong());
    }

    /** Waits for and runs every pending delayed send. */
    void drain() {
        while (!delayed.isEmpty()) {
            sleepNanos(nanosUntilNextDelayed());
            delayed.runDue(clock.getAsLong());
        }
    }

    private long nanosUntilNextDelayed() {
        long next = delayed.nextDue();
        if (next == Long.MAX_VALUE) {
            return Long.MAX_VALUE;
        }
        return TimeUnit.MILLISECONDS.toNanos(Math.max(0, next - clock.getAsLong()));
    }

    private static void sleepNanos(long nanos) {
        if (nanos <= 0) {
            return;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoadGenException("interrupted while generating", e);
        }
    }
}
