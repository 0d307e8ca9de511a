package dev.recon.rules.dsl.internal.parser;

import dev.recon.rules.dsl.internal.ast.Expr;
import dev.recon.rules.dsl.internal.ast.Expr.Binary;
import dev.recon.rules.dsl.internal.ast.Expr.BinaryOp;
import dev.recon.rules.dsl.internal.lexer.Token;
import dev.recon.rules.dsl.internal.lexer.TokenKind;
import dev.recon.rules.dsl.internal.source.Span;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Pratt parser for expressions. Binding powers, loosest first: {@code or}, {@code and}, {@code
 * not}, comparisons ({@code == != < <= > >= in within is}, not chainable), {@code + -}, {@code *},
 * unary minus, then postfix ({@code [key]}). Nesting is limited to {@value #LIMIT} levels, counted
 * both as recursion and as the depth of the tree built, so later passes can recurse safely.
 */
final class ExprParser {
    static final int LIMIT = 64;
    static final int OR = 1;
    static final int AND = 2;
    static final int NOT = 3;
    static final int COMPARE = 4;
    static final int ADD = 5;
    static final int MUL = 6;
    static final int UNARY = 7;
    static final int POSTFIX = 8;

    final TokenCursor c;
    private final Primaries primaries;
    private final WordOperators words;
    private final Map<Expr, Integer> depths = new IdentityHashMap<>();
    private int recursion;

    ExprParser(TokenCursor cursor) {
        this.c = cursor;
        this.primaries = new Primaries(this);
        this.words = new WordOperators(this);
    }

    /** A whole expression. */
    Expr parse() {
        depths.clear();
        recursion = 0;
        return parse(0);
    }

    /** A map literal, as in a {@code map} declaration. */
    Expr map() {
        depths.clear();
        recursion = 0;
        return new Compounds(this).map();
    }

    /** An expression whose operators all bind tighter than {@code minPower}. */
    Expr parse(int minPower) {
        if (++recursion > LIMIT) {
            recursion = 0;
            throw c.fail(c.peek(), "expression nested too deeply (limit " + LIMIT + ")");
        }
        try {
            Expr left = primaries.prefix();
            boolean compared = false;
            for (int power = power(); power > minPower; power = power()) {
                if (power == COMPARE && compared) {
                    throw c.fail(
                            c.peek(), "comparisons cannot be chained: combine them with 'and'");
                }
                compared = power == COMPARE;
                left = infix(left, power);
            }
            return left;
        } finally {
            recursion = Math.max(0, recursion - 1);
        }
    }

    /** Binding power of the next token as an infix operator, 0 if it is none. */
    private int power() {
        Token t = c.peek();
        return switch (t.kind()) {
            case EQ, NE, LT, LE, GT, GE -> COMPARE;
            case PLUS, MINUS -> ADD;
            case STAR -> MUL;
            case IDENT -> wordPower(t);
            default -> 0;
        };
    }

    private int wordPower(Token t) {
        return switch (t.text()) {
            case "or" -> OR;
            case "and" -> AND;
            case "in", "within", "is" -> COMPARE;
            case "not" -> c.peek(1).is("in") ? COMPARE : 0;
            default -> 0;
        };
    }

    private Expr infix(Expr left, int power) {
        Token op = c.advance();
        Span opSpan = c.span(op);
        if (op.kind() == TokenKind.IDENT && !op.is("and") && !op.is("or")) {
            return words.infix(left, op, opSpan);
        }
        BinaryOp bop = binaryOp(op);
        Expr right = parse(power);
        return node(
                new Binary(bop, left, right, opSpan, left.span().to(right.span())), left, right);
    }

    private static BinaryOp binaryOp(Token op) {
        if (op.kind() == TokenKind.IDENT) {
            return op.is("or") ? BinaryOp.OR : BinaryOp.AND;
        }
        return switch (op.kind()) {
            case EQ -> BinaryOp.EQ;
            case NE -> BinaryOp.NE;
            case LT -> BinaryOp.LT;
            case LE -> BinaryOp.LE;
            case GT -> BinaryOp.GT;
            case GE -> BinaryOp.GE;
            case PLUS -> BinaryOp.ADD;
            case MINUS -> BinaryOp.SUB;
            default -> BinaryOp.MUL;
        };
    }

    /** Records the depth of a new node; aborts when the tree gets deeper than the limit. */
    Expr node(Expr e, Expr... children) {
        int d = 1;
        for (Expr child : children) {
            d = Math.max(d, depths.getOrDefault(child, 1) + 1);
        }
        if (d > LIMIT) {
            throw c.fail(e.span(), "expression nested too deeply (limit " + LIMIT + ")");
        }
        depths.put(e, d);
        return e;
    }
}
