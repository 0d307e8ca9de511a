package dev.recon.rules.expr;

import org.apache.avro.generic.IndexedRecord;

/** A compiled boolean expression over a pair of records. */
public interface BoolExpr extends Expr {
    /** Evaluates the expression; either record may be null when that side is missing. */
    boolean test(IndexedRecord left, IndexedRecord right);
}
