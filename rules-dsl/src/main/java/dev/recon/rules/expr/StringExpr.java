package dev.recon.rules.expr;

import org.apache.avro.generic.IndexedRecord;

/** A compiled string expression over a pair of records. */
public interface StringExpr extends Expr {
    /** Evaluates the expression, null when the value is absent. */
    String eval(IndexedRecord left, IndexedRecord right);
}
