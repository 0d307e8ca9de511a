package dev.recon.job.stoploss.internal;

import dev.recon.model.AlertIds;

/**
 * Deterministic ids of proposals and commands: the same decision on the same evidence gets the same
 * id after a replay, so consumers deduplicate by {@code command_id}.
 */
public final class StopLossIds {
    private StopLossIds() {}

    /** An id over the parts (first 128 bits of SHA-256 over length-prefixed parts). */
    public static String of(String kind, String a, String b, String c) {
        return AlertIds.of("stoploss/" + kind, a, b, c);
    }

    /** The id of a target, {@code MERCHANT:m-1}; the governor keeps one action per target. */
    public static String target(Object kind, String target) {
        return kind + ":" + target;
    }
}
