package dev.recon.sources;

import java.io.Serializable;

/**
 * A semantic check of a decoded record, run after the built-in checks; it travels with the job
 * graph, so it must be serializable.
 *
 * @param <T> record type
 */
@FunctionalInterface
public interface RecordValidator<T> extends Serializable {

    /**
     * Returns what is wrong with the record, or {@code null} when it is acceptable. The text
     * becomes the dead letter's reason after {@code "invalid: "}.
     */
    String problem(T record);
}
