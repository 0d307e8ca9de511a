package dev.recon.rules.dsl.internal.check;

import dev.recon.rules.dsl.internal.ast.Expr;
import dev.recon.rules.dsl.internal.ast.Expr.Entry;
import dev.recon.rules.dsl.internal.ast.Expr.ListLit;
import dev.recon.rules.dsl.internal.ast.Expr.MapLit;
import dev.recon.rules.dsl.internal.ast.Expr.StrLit;
import dev.recon.rules.dsl.internal.source.Reporter;
import dev.recon.rules.dsl.internal.source.Span;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Constant maps: {@code {"SUCCEEDED": ["BILLED"], ...}}, string keys to lists of strings. */
final class Constants {
    private Constants() {}

    /** The value of a map literal; wrong entries are reported and left out. */
    static Map<String, Set<String>> map(MapLit map, Reporter r) {
        Map<String, Set<String>> value = new LinkedHashMap<>();
        Map<String, Span> seen = new HashMap<>();
        for (Entry e : map.entries()) {
            if (!(e.key() instanceof StrLit key)) {
                r.error(e.key().span(), "map keys must be strings in quotes");
                continue;
            }
            Span first = seen.putIfAbsent(key.str().value(), key.span());
            if (first != null) {
                r.error(
                        key.span(),
                        "duplicate key \""
                                + key.str().value()
                                + "\" in the map (first"
                                + " at "
                                + first.where()
                                + ")");
                continue;
            }
            Set<String> values = strings(e.value(), r);
            if (values != null) {
                value.put(key.str().value(), values);
            }
        }
        return value;
    }

    /** The strings of a list literal such as {@code ["BILLED"]}, or null after an error. */
    private static Set<String> strings(Expr list, Reporter r) {
        if (!(list instanceof ListLit l)) {
            r.error(list.span(), "map values must be lists of strings, as in [\"BILLED\"]");
            return null;
        }
        Set<String> values = new LinkedHashSet<>();
        for (Expr item : l.items()) {
            if (item instanceof StrLit s) {
                values.add(s.str().value());
            } else {
                r.error(item.span(), "map values must be lists of strings in quotes");
                return null;
            }
        }
        return values;
    }
}
