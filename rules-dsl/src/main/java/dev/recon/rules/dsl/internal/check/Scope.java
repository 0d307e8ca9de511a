package dev.recon.rules.dsl.internal.check;

import dev.recon.rules.Side;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What names mean inside one reconciliation: its two streams as written and as checked (null when
 * unknown or broken, so that nothing about them is reported twice) and the declared maps, with a
 * record of which are used.
 *
 * <p>Inside a stream's {@code filter} ({@link #filterOf}) there is one stream, held as {@code
 * left}: its fields are written bare or qualified by its name, and no other record is visible.
 */
record Scope(
        String reconciliation,
        String leftName,
        String rightName,
        Checked.Stream left,
        Checked.Stream right,
        Map<String, Map<String, Set<String>>> maps,
        Set<String> usedMaps,
        boolean streamFilter) {

    /** The scope of a reconciliation. */
    Scope(
            String reconciliation,
            String leftName,
            String rightName,
            Checked.Stream left,
            Checked.Stream right,
            Map<String, Map<String, Set<String>>> maps,
            Set<String> usedMaps) {
        this(reconciliation, leftName, rightName, left, right, maps, usedMaps, false);
    }

    /** The scope of the filter of a (valid) stream: only that stream's record is visible. */
    static Scope filterOf(
            Checked.Stream stream, Map<String, Map<String, Set<String>>> maps, Set<String> used) {
        return new Scope(null, stream.name(), null, stream, null, maps, used, true);
    }

    /** The side a qualifier ({@code left}, {@code right} or a stream name) means, or null. */
    Side side(String qualifier) {
        if (qualifier.equals("left") || qualifier.equals(leftName)) {
            return Side.LEFT;
        }
        if (qualifier.equals("right") || qualifier.equals(rightName)) {
            return Side.RIGHT;
        }
        return null;
    }

    /** The stream of a side; null when it is broken. */
    Checked.Stream stream(Side side) {
        return side == Side.LEFT ? left : right;
    }

    /** Every way to write a side, for suggestions: left, right and the stream names. */
    List<String> qualifiers() {
        return List.of("left", "right", leftName, rightName);
    }

    /** True when both streams are valid, so that their fields can be checked. */
    boolean complete() {
        return left != null && right != null;
    }

    /** "left, right, payments or bills", for messages. */
    String qualifierList() {
        List<String> q = qualifiers();
        return String.join(", ", q.subList(0, q.size() - 1)) + " or " + q.get(q.size() - 1);
    }
}
