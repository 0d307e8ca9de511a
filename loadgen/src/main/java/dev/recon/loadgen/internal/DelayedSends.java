package dev.recon.loadgen.internal;

import java.util.PriorityQueue;

/** Sends scheduled for later, run by the send loop once due, so they never block the stream. */
final class DelayedSends {
    private record Entry(long dueAt, long seq, Runnable send) {}

    private final PriorityQueue<Entry> queue =
            new PriorityQueue<>(
                    (a, b) ->
                            a.dueAt != b.dueAt
                                    ? Long.compare(a.dueAt, b.dueAt)
                                    : Long.compare(a.seq, b.seq));
    private long seq;

    /** Schedules a send for wall-clock time {@code dueAt} (epoch ms). */
    void schedule(long dueAt, Runnable send) {
        queue.add(new Entry(dueAt, seq++, send));
    }

    /** Runs, in due order, every send due at or before {@code now}. */
    void runDue(long now) {
        while (!queue.isEmpty() && queue.peek().dueAt <= now) {
            queue.poll().send.run();
        }
    }

    /** Due time of the earliest pending send, or {@link Long#MAX_VALUE} when none is pending. */
    long nextDue() {
        return queue.isEmpty() ? Long.MAX_VALUE : queue.peek().dueAt;
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }
}
