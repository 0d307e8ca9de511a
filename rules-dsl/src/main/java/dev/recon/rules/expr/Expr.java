package dev.recon.rules.expr;

import java.util.List;

/** Common surface of compiled expression nodes: a canonical text used by explain and versions. */
public interface Expr {
    /** Canonical, deterministic rendering, e.g. {@code abs(left.amount_minor - right...) <= 0}. */
    String describe();

    /** The record fields this node reads, resolved to positions, in order of first use. */
    default List<FieldRef> fields() {
        return List.of();
    }
}
