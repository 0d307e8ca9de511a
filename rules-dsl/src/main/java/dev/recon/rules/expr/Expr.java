package dev.recon.rules.expr;

/** Common surface of compiled expression nodes: a canonical text used by explain and versions. */
public interface Expr {
    /** Canonical, deterministic rendering, e.g. {@code abs(left.amount_minor - right...) <= 0}. */
    String describe();
}
