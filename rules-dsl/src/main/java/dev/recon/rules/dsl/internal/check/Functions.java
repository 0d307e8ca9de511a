package dev.recon.rules.dsl.internal.check;

import dev.recon.rules.dsl.internal.ast.Expr;
import dev.recon.rules.dsl.internal.ast.Expr.Call;
import dev.recon.rules.dsl.internal.source.Suggestions;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.recon.rules.dsl.internal.check.Type.BOOL;
import static dev.recon.rules.dsl.internal.check.Type.ERROR;
import static dev.recon.rules.dsl.internal.check.Type.LONG;
import static dev.recon.rules.dsl.internal.check.Type.STRING;

/** The built-in functions and their signatures. */
final class Functions {
    /** Every function name, for suggestions. */
    static final Set<String> NAMES =
            Set.of("abs", "upper", "lower", "trim", "length", "coalesce", "starts_with");

    private final ExprChecker checker;

    Functions(ExprChecker checker) {
        this.checker = checker;
    }

    Type call(Call c) {
        String name = c.function().text();
        List<Type> args = new ArrayList<>();
        c.args().forEach(a -> args.add(checker.check(a)));
        return switch (name) {
            case "abs" -> signature(c, args, LONG, LONG);
            case "upper", "lower", "trim" -> signature(c, args, STRING, STRING);
            case "length" -> signature(c, args, LONG, STRING);
            case "starts_with" -> signature(c, args, BOOL, STRING, STRING);
            case "coalesce" -> coalesce(c, args);
            case "sum", "count" ->
                    fail(c, "'" + name + "' is reserved: windowed sums are not" + " supported yet");
            default ->
                    fail(
                            c,
                            "unknown function '"
                                    + name
                                    + "'"
                                    + Suggestions.didYouMean(name, NAMES)
                                    + "; functions are "
                                    + String.join(", ", NAMES.stream().sorted().toList()));
        };
    }

    private Type signature(Call c, List<Type> args, Type result, Type... params) {
        if (args.size() != params.length) {
            return fail(
                    c,
                    c.function().text()
                            + "(...) takes "
                            + params.length
                            + " argument"
                            + (params.length == 1 ? "" : "s")
                            + ", found "
                            + args.size());
        }
        for (int i = 0; i < params.length; i++) {
            checker.operand(
                    c.args().get(i),
                    args.get(i),
                    params[i],
                    c.function().text() + "(...) needs " + ExprChecker.a(params[i]) + " argument");
        }
        return result;
    }

    private Type coalesce(Call c, List<Type> args) {
        if (args.size() < 2) {
            return fail(c, "coalesce(...) takes 2 or more arguments, found " + args.size());
        }
        Type first = args.stream().filter(t -> t != ERROR).findFirst().orElse(ERROR);
        if (first != LONG && first != STRING && first != ERROR) {
            return fail(c, "coalesce(...) takes longs or strings, found " + ExprChecker.a(first));
        }
        for (int i = 0; i < args.size(); i++) {
            Expr arg = c.args().get(i);
            checker.operand(
                    arg,
                    args.get(i),
                    first,
                    "coalesce(...) needs arguments of one type (" + first.display() + " here)");
        }
        return first;
    }

    private Type fail(Call c, String message) {
        checker.r.error(c.function().span(), message);
        return ERROR;
    }
}
