package dev.recon.loadgen;

/** Receives the progress of a {@link LoadGenerator} run, at most about ten times a second. */
@FunctionalInterface
public interface ProgressListener {
    /** A listener that ignores progress. */
    ProgressListener NONE = (sent, total) -> {};

    /**
     * Called from the generator's thread after events were sent.
     *
     * @param sent events (payments, faulted or not) handled so far
     * @param total events of the whole run
     */
    void onProgress(long sent, long total);
}
