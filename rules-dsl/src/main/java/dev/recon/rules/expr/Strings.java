package dev.recon.rules.expr;

import dev.recon.rules.expr.Nodes.StringNode;

import org.apache.avro.generic.IndexedRecord;

import java.util.List;
import java.util.Locale;

import static dev.recon.rules.expr.Nodes.stringOf;

/** String nodes: case, trimming and coalesce; null in gives null out. */
public final class Strings {
    private Strings() {}

    /** Upper case (locale-independent). */
    public static StringExpr upper(StringExpr s) {
        return new Unary("upper", Unary.UPPER, s);
    }

    /** Lower case (locale-independent). */
    public static StringExpr lower(StringExpr s) {
        return new Unary("lower", Unary.LOWER, s);
    }

    /** Without leading and trailing white space (Unicode). */
    public static StringExpr trim(StringExpr s) {
        return new Unary("trim", Unary.TRIM, s);
    }

    /** The first operand that is not null, null if all are. */
    public static StringExpr coalesce(List<StringExpr> operands) {
        return new Coalesce(operands.toArray(StringExpr[]::new));
    }

    /** A string as a double-quoted literal; quotes, backslashes and control characters escaped. */
    public static String quote(String value) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    static String describeAll(Expr... operands) {
        StringBuilder sb = new StringBuilder();
        for (Expr e : operands) {
            sb.append(sb.length() == 0 ? "" : ", ").append(e.describe());
        }
        return sb.toString();
    }

    /** {@code upper}, {@code lower} or {@code trim}; null in gives null out. */
    private static final class Unary extends StringNode {
        static final int UPPER = 0;
        static final int LOWER = 1;
        static final int TRIM = 2;

        private final int op;
        private final StringExpr s;

        Unary(String name, int op, StringExpr s) {
            super(name + "(" + s.describe() + ")", s);
            this.op = op;
            this.s = s;
        }

        @Override
        public String eval(IndexedRecord l, IndexedRecord r) {
            String v = stringOf(s, l, r);
            if (v == null) {
                return null;
            }
            return switch (op) {
                case UPPER -> v.toUpperCase(Locale.ROOT);
                case LOWER -> v.toLowerCase(Locale.ROOT);
                default -> v.strip();
            };
        }
    }

    /** The first operand that is not null; also {@link Exprs#coalesce(StringExpr, StringExpr)}. */
    static final class Coalesce extends StringNode {
        private final StringExpr[] ops;

        Coalesce(StringExpr[] ops) {
            super("coalesce(" + describeAll(ops) + ")", ops);
            this.ops = ops;
        }

        @Override
        public String eval(IndexedRecord l, IndexedRecord r) {
            for (StringExpr op : ops) {
                String v = stringOf(op, l, r);
                if (v != null) {
                    return v;
                }
            }
            return null;
        }
    }
}
