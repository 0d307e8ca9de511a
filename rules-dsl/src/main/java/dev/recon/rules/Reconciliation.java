package dev.recon.rules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A two-stream reconciliation: records of {@code left} and {@code right} joined by key, each
 * expected to meet its counterpart within a deadline, then checked by the pair rules.
 *
 * @param name unique name, part of every alert id
 * @param left the upstream stream (e.g. payments)
 * @param right the downstream stream (e.g. bills)
 * @param rightDeadline how long a left record waits for its right counterpart
 * @param leftDeadline how long a right record waits for its left counterpart (orphan)
 * @param retention how long a key is remembered after a match or verdict, to catch duplicates,
 *     redeliveries and late counterparts
 * @param pairRules checks on matched pairs
 * @param rightMissing fires when no right record arrived within {@code rightDeadline}
 * @param leftMissing fires when no left record arrived within {@code leftDeadline}
 * @param duplicateRight fires on a second right record with a different id (double charge)
 * @param conflictingLeft fires on a second left record with the same key but other content
 */
public record Reconciliation(
        String name,
        StreamSpec left,
        StreamSpec right,
        Duration rightDeadline,
        Duration leftDeadline,
        Duration retention,
        List<PairRule> pairRules,
        LifecycleRule rightMissing,
        LifecycleRule leftMissing,
        LifecycleRule duplicateRight,
        LifecycleRule conflictingLeft) {

    /** Validates deadlines, rule ids and that each stream's filter reads its own side. */
    public Reconciliation {
        Objects.requireNonNull(name, "reconciliation name");
        checkPositive("rightDeadline", rightDeadline);
        checkPositive("leftDeadline", leftDeadline);
        checkPositive("retention", retention);
        checkFilterSide(left, Side.LEFT);
        checkFilterSide(right, Side.RIGHT);
        checkStopLossSide(rightMissing, Side.LEFT);
        checkStopLossSide(leftMissing, Side.RIGHT);
        checkStopLossSide(duplicateRight, Side.RIGHT);
        checkStopLossSide(conflictingLeft, Side.LEFT);
        pairRules = List.copyOf(pairRules);
        List<String> ids = new ArrayList<>();
        pairRules.forEach(r -> ids.add(r.header().id()));
        for (LifecycleRule r :
                List.of(rightMissing, leftMissing, duplicateRight, conflictingLeft)) {
            ids.add(r.header().id());
        }
        if (ids.size() != ids.stream().distinct().count()) {
            throw new IllegalArgumentException(
                    "reconciliation " + name + " has duplicate rule ids: " + ids);
        }
    }

    /** A stream's filter must read the side the stream is on here (a constant reads none). */
    private static void checkFilterSide(StreamSpec stream, Side side) {
        if (stream != null
                && stream.filter() != null
                && !stream.filter().condition().fields().isEmpty()
                && stream.filter().side() != side) {
            throw new IllegalArgumentException(
                    "the filter of stream "
                            + stream.name()
                            + " reads the "
                            + stream.filter().side().name().toLowerCase(java.util.Locale.ROOT)
                            + " side, but the stream is on the "
                            + side.name().toLowerCase(java.util.Locale.ROOT)
                            + " side");
        }
    }

    /** A lifecycle rule has one record: its stop-loss target must be a field of that one. */
    private static void checkStopLossSide(LifecycleRule rule, Side present) {
        StopLoss s = rule == null ? null : rule.header().stopLoss();
        if (s != null
                && s.target() != null
                && s.target().fields().stream().anyMatch(f -> f.side() != present)) {
            throw new IllegalArgumentException(
                    "the stop-loss of rule "
                            + rule.header().id()
                            + " reads "
                            + s.target().describe()
                            + ", but the rule only has the "
                            + present.name().toLowerCase(java.util.Locale.ROOT)
                            + " record");
        }
    }

    private static void checkPositive(String what, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be a positive duration, got " + d);
        }
    }

    /** Canonical text for explain and versioning. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append("reconciliation ").append(name).append('\n');
        sb.append("  left  ").append(left.describe()).append('\n');
        sb.append("  right ").append(right.describe()).append('\n');
        sb.append("  deadline for right ")
                .append(rightDeadline.toMillis())
                .append(" ms, for left ")
                .append(leftDeadline.toMillis())
                .append(" ms, retention ")
                .append(retention.toMillis())
                .append(" ms\n");
        for (PairRule r : pairRules) {
            sb.append("  ").append(r.describe()).append('\n');
        }
        for (LifecycleRule r :
                List.of(rightMissing, leftMissing, duplicateRight, conflictingLeft)) {
            sb.append("  ").append(r.describe()).append('\n');
        }
        return sb.toString();
    }
}
