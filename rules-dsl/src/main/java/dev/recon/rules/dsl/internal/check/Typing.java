package dev.recon.rules.dsl.internal.check;

import dev.recon.rules.Side;
import dev.recon.rules.dsl.internal.ast.Expr;
import dev.recon.rules.dsl.internal.ast.Str;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the checker learned about expressions, for the planner: the type of every expression, the
 * side every field reference reads, the value of every constant map a lookup uses, and every
 * message in canonical form.
 */
public final class Typing {
    private final Map<Expr, Type> types = new IdentityHashMap<>();
    private final Map<Expr, Side> sides = new IdentityHashMap<>();
    private final Map<Expr, Map<String, Set<String>>> maps = new IdentityHashMap<>();
    private final Map<Str, String> messages = new IdentityHashMap<>();

    Type record(Expr e, Type t) {
        types.put(e, t);
        return t;
    }

    void side(Expr.FieldRef f, Side side) {
        sides.put(f, side);
    }

    void map(Expr target, Map<String, Set<String>> value) {
        maps.put(target, value);
    }

    void message(Str written, String canonical) {
        messages.put(written, canonical);
    }

    /** A checked message with its placeholders written {@code {left.f}} / {@code {right.f}}. */
    public String message(Str written) {
        return messages.get(written);
    }

    /** The type of a checked expression. */
    public Type type(Expr e) {
        Type t = types.get(e);
        if (t == null) {
            throw new IllegalStateException("expression was not checked: " + e.span().where());
        }
        return t;
    }

    /** The side a checked field reference reads. */
    public Side side(Expr.FieldRef f) {
        return sides.get(f);
    }

    /** The value of the map a lookup's target (a map name or literal) stands for. */
    public Map<String, Set<String>> map(Expr target) {
        return maps.get(target);
    }
}
