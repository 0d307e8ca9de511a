package dev.recon.rules.dsl.internal.ast;

import dev.recon.rules.dsl.internal.source.Span;

import java.util.List;

/**
 * An expression as written. {@link #span()} covers the whole expression; nodes with an operator
 * also keep the operator's span ({@code op}), where type errors point.
 */
public sealed interface Expr {
    /** From the first to the last character of the expression. */
    Span span();

    /** {@code left.amount_minor}, {@code bills.status}. */
    record FieldRef(Ident qualifier, Ident field, Span span) implements Expr {}

    /** A bare name: a map declared with {@code map}, or a mistake. */
    record Name(Ident name, Span span) implements Expr {}

    /** An integer literal; negative when written with a leading minus. */
    record IntLit(long value, Span span) implements Expr {}

    /** A string literal. */
    record StrLit(Str str, Span span) implements Expr {}

    /** {@code true} or {@code false}. */
    record BoolLit(boolean value, Span span) implements Expr {}

    /** {@code not x}, {@code -x}. */
    record Unary(UnaryOp op, Expr operand, Span opSpan, Span span) implements Expr {}

    /** {@code a op b}. */
    record Binary(BinaryOp op, Expr left, Expr right, Span opSpan, Span span) implements Expr {}

    /** {@code actual within N of expected}, {@code actual within N bps of expected}. */
    record Within(Expr actual, long tolerance, boolean bps, Expr expected, Span opSpan, Span span)
            implements Expr {}

    /** {@code value in [..]}, {@code value in map[key]}. */
    record In(Expr value, Expr set, Span opSpan, Span span) implements Expr {}

    /** {@code x is null}, {@code x is not null}. */
    record IsNull(Expr operand, boolean negated, Span opSpan, Span span) implements Expr {}

    /** {@code abs(x)}. */
    record Call(Ident function, List<Expr> args, Span span) implements Expr {}

    /** {@code [a, b]}. */
    record ListLit(List<Expr> items, Span span) implements Expr {}

    /** {@code {"K": [..], ...}}. */
    record MapLit(List<Entry> entries, Span span) implements Expr {}

    /** One {@code key: value} of a map literal. */
    record Entry(Expr key, Expr value) {}

    /** {@code target[key]}. */
    record Index(Expr target, Expr key, Span opSpan, Span span) implements Expr {}

    /** Unary operators. */
    enum UnaryOp {
        NOT,
        NEG
    }

    /** Binary operators, with their symbol as written. */
    enum BinaryOp {
        OR("or"),
        AND("and"),
        EQ("=="),
        NE("!="),
        LT("<"),
        LE("<="),
        GT(">"),
        GE(">="),
        ADD("+"),
        SUB("-"),
        MUL("*");

        private final String symbol;

        BinaryOp(String symbol) {
            this.symbol = symbol;
        }

        /** The operator as written. */
        public String symbol() {
            return symbol;
        }

        /** True for {@code == != < <= > >=}. */
        public boolean isComparison() {
            return ordinal() >= EQ.ordinal() && ordinal() <= GE.ordinal();
        }
    }
}
