package dev.recon.rules.expr;

import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

import static dev.recon.rules.expr.Nodes.stringExpr;

/** String nodes: case, trimming and coalesce; null in gives null out. */
public final class Strings {
    private Strings() {}

    /** Upper case (locale-independent). */
    public static StringExpr upper(StringExpr s) {
        return unary("upper", s, v -> v.toUpperCase(Locale.ROOT));
    }

    /** Lower case (locale-independent). */
    public static StringExpr lower(StringExpr s) {
        return unary("lower", s, v -> v.toLowerCase(Locale.ROOT));
    }

    /** Without leading and trailing white space (Unicode). */
    public static StringExpr trim(StringExpr s) {
        return unary("trim", s, String::strip);
    }

    /** The first operand that is not null, null if all are. */
    public static StringExpr coalesce(List<StringExpr> operands) {
        StringExpr[] ops = operands.toArray(StringExpr[]::new);
        return stringExpr(
                "coalesce(" + describeAll(ops) + ")",
                (l, r) -> {
                    for (StringExpr op : ops) {
                        String v = op.eval(l, r);
                        if (v != null) {
                            return v;
                        }
                    }
                    return null;
                },
                ops);
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

    private static StringExpr unary(String name, StringExpr s, UnaryOperator<String> fn) {
        return stringExpr(
                name + "(" + s.describe() + ")",
                (l, r) -> {
                    String v = s.eval(l, r);
                    return v == null ? null : fn.apply(v);
                },
                s);
    }
}
