package dev.recon.rules.expr;

import org.apache.avro.generic.IndexedRecord;

/** A compiled integer expression (money in minor units) over a pair of records. */
public interface LongExpr extends Expr {
    /** Sentinel returned when an operand is null; checks treat it as "no value". */
    long NULL = Long.MIN_VALUE;

    /** Evaluates the expression, {@link #NULL} when an operand is null or missing. */
    long eval(IndexedRecord left, IndexedRecord right);
}
