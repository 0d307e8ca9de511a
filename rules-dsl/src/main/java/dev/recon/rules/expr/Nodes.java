package dev.recon.rules.expr;

import org.apache.avro.generic.IndexedRecord;

import java.util.ArrayList;
import java.util.List;

/**
 * What every evaluator node shares: a canonical text, the fields it reads, and the operand reads of
 * the hot path.
 *
 * <p>Each factory returns a small final class whose {@code test}/{@code eval} does the work itself
 * (one call per node; the nodes used to be a wrapper calling a lambda, two calls per node). Field
 * reads and constants, the leaves of almost every rule, are not called at all: {@link #longOf} and
 * {@link #stringOf} recognise them and read the record inline, and a long field of a generated Avro
 * class is read without boxing ({@link DirectLongs}). So {@code right.amount_minor within 10 bps of
 * left.amount_minor} is one call with two inline reads and no allocation. With many rules the call
 * sites of the tree see many node classes and cost a real (megamorphic) call each: keeping leaves
 * out of that is what keeps a rule's cost to a few calls.
 */
final class Nodes {
    private Nodes() {}

    /** Text and fields of a node. */
    abstract static class Node implements Expr {
        private final String text;
        private final List<FieldRef> fields;

        Node(String text, Expr... children) {
            this(text, union(children));
        }

        Node(String text, List<FieldRef> fields) {
            this.text = text;
            this.fields = fields;
        }

        @Override
        public final String describe() {
            return text;
        }

        @Override
        public final List<FieldRef> fields() {
            return fields;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** A boolean node. */
    abstract static class BoolNode extends Node implements BoolExpr {
        BoolNode(String text, Expr... children) {
            super(text, children);
        }
    }

    /** An integer node. */
    abstract static class LongNode extends Node implements LongExpr {
        LongNode(String text, Expr... children) {
            super(text, children);
        }

        LongNode(String text, List<FieldRef> fields) {
            super(text, fields);
        }
    }

    /** A string node. */
    abstract static class StringNode extends Node implements StringExpr {
        StringNode(String text, Expr... children) {
            super(text, children);
        }

        StringNode(String text, List<FieldRef> fields) {
            super(text, fields);
        }
    }

    /** Evaluates an integer operand; a field or a constant is read inline, without a call. */
    static long longOf(LongExpr e, IndexedRecord l, IndexedRecord r) {
        if (e instanceof Fields.LongField f) {
            return f.read(l, r);
        }
        if (e instanceof Arithmetic.Constant c) {
            return c.value;
        }
        return e.eval(l, r);
    }

    /** Evaluates a string operand; a field or a literal is read inline, without a call. */
    static String stringOf(StringExpr e, IndexedRecord l, IndexedRecord r) {
        if (e instanceof Fields.StringField f) {
            return f.read(l, r);
        }
        if (e instanceof Exprs.Literal c) {
            return c.value;
        }
        return e.eval(l, r);
    }

    /**
     * A description without its outer parentheses when they enclose all of it, so that {@code
     * abs((a - b))} reads {@code abs(a - b)}. Parentheses inside string literals do not count.
     */
    static String unwrap(String text) {
        if (!text.startsWith("(") || !text.endsWith(")")) {
            return text;
        }
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                i += c == '\\' ? 1 : 0;
                quoted = c != '"';
            } else if (c == '"') {
                quoted = true;
            } else if (c == '(' || c == ')') {
                depth += c == '(' ? 1 : -1;
                if (depth == 0 && i < text.length() - 1) {
                    return text;
                }
            }
        }
        return text.substring(1, text.length() - 1);
    }

    /** A description as one operand: atoms and fully parenthesized texts as they are. */
    static String group(String text) {
        boolean atom = text.indexOf(' ') < 0;
        return atom || !unwrap(text).equals(text) ? text : "(" + text + ")";
    }

    /** The fields of the children, each once, in order of first use. */
    static List<FieldRef> union(Expr... children) {
        List<FieldRef> all = new ArrayList<>();
        for (Expr c : children) {
            for (FieldRef f : c.fields()) {
                if (!all.contains(f)) {
                    all.add(f);
                }
            }
        }
        return List.copyOf(all);
    }
}
