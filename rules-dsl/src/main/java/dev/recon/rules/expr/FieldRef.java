package dev.recon.rules.expr;

import dev.recon.rules.Side;

import java.util.Locale;

/**
 * A field read by a compiled expression: which side, its name, the position it was resolved to at
 * plan time, and its type as the rule sees it ({@code long} or {@code string}).
 */
public record FieldRef(Side side, String name, int pos, String type) {

    /** {@code left.amount_minor}. */
    public String label() {
        return side.name().toLowerCase(Locale.ROOT) + "." + name;
    }

    /** {@code left.amount_minor (#3 long)}. */
    @Override
    public String toString() {
        return label() + " (#" + pos + " " + type + ")";
    }
}
