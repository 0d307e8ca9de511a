package dev.recon.rules.expr;

import org.apache.avro.generic.IndexedRecord;

import java.util.ArrayList;
import java.util.List;

/** Builds the small evaluator objects behind every factory: a body, a canonical text, children. */
final class Nodes {
    private Nodes() {}

    /** Evaluation body of a boolean node. */
    interface BoolFn {
        boolean test(IndexedRecord l, IndexedRecord r);
    }

    /** Evaluation body of an integer node. */
    interface LongFn {
        long eval(IndexedRecord l, IndexedRecord r);
    }

    /** Evaluation body of a string node. */
    interface StringFn {
        String eval(IndexedRecord l, IndexedRecord r);
    }

    static BoolExpr bool(String text, BoolFn fn, Expr... children) {
        List<FieldRef> fields = union(children);
        return new BoolExpr() {
            @Override
            public boolean test(IndexedRecord left, IndexedRecord right) {
                return fn.test(left, right);
            }

            @Override
            public String describe() {
                return text;
            }

            @Override
            public List<FieldRef> fields() {
                return fields;
            }
        };
    }

    static LongExpr longExpr(String text, LongFn fn, Expr... children) {
        List<FieldRef> fields = union(children);
        return new LongExpr() {
            @Override
            public long eval(IndexedRecord left, IndexedRecord right) {
                return fn.eval(left, right);
            }

            @Override
            public String describe() {
                return text;
            }

            @Override
            public List<FieldRef> fields() {
                return fields;
            }
        };
    }

    static StringExpr stringExpr(String text, StringFn fn, Expr... children) {
        List<FieldRef> fields = union(children);
        return new StringExpr() {
            @Override
            public String eval(IndexedRecord left, IndexedRecord right) {
                return fn.eval(left, right);
            }

            @Override
            public String describe() {
                return text;
            }

            @Override
            public List<FieldRef> fields() {
                return fields;
            }
        };
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
