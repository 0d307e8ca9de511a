package dev.recon.rules.dsl.internal.check;

import dev.recon.rules.Side;
import dev.recon.rules.dsl.internal.ast.Expr.FieldRef;
import dev.recon.rules.dsl.internal.ast.Expr.Name;
import dev.recon.rules.dsl.internal.ast.Ident;
import dev.recon.rules.dsl.internal.source.Reporter;
import dev.recon.rules.dsl.internal.source.Suggestions;

import org.apache.avro.Schema;

import java.util.ArrayList;
import java.util.List;

/**
 * Resolves {@code side.field} against the side's schema, and bare names to declared maps; in a
 * stream's filter, bare names and {@code stream.field} to fields of that stream.
 */
final class FieldResolver {
    private final Reporter r;
    private final Typing typing;
    private final Scope scope;

    FieldResolver(Reporter reporter, Typing typing, Scope scope) {
        this.r = reporter;
        this.typing = typing;
        this.scope = scope;
    }

    Type field(FieldRef f) {
        if (scope.streamFilter()) {
            return filterField(f);
        }
        Side side = side(f);
        Checked.Stream stream = side == null ? null : scope.stream(side);
        if (stream == null) {
            return Type.ERROR; // reported here or where the stream is declared
        }
        Type t = resolve(stream, f.field(), List.of());
        if (t != Type.ERROR) {
            typing.side(f, side);
        }
        return t;
    }

    /**
     * The type of a field of a stream; ERROR, reported with a suggestion among its fields and
     * {@code others}, when it is unknown or of a type rules cannot read.
     */
    private Type resolve(Checked.Stream stream, Ident ref, List<String> others) {
        String name = ref.text();
        Schema.Field field = stream.schema().getField(name);
        Type t = field == null ? null : SchemaTypes.of(field);
        if (field == null) {
            List<String> candidates = new ArrayList<>(names(stream.schema()));
            candidates.addAll(others);
            r.error(
                    ref.span(),
                    "unknown field '%s' in %s%s"
                            .formatted(
                                    name, stream.name(), Suggestions.didYouMean(name, candidates)));
        } else if (t == null) {
            r.error(ref.span(), SchemaTypes.why(stream.name(), field));
        } else {
            return t;
        }
        return Type.ERROR;
    }

    /**
     * {@code stream.field} in a stream's filter: only the stream's own name may qualify a field;
     * {@code left}, {@code right} and other streams are reported.
     */
    private Type filterField(FieldRef f) {
        Checked.Stream own = scope.left();
        String q = f.qualifier().text();
        String name = f.field().text();
        if (q.equals(own.name())) {
            Type t = resolve(own, f.field(), List.of());
            if (t != Type.ERROR) {
                typing.side(f, Side.LEFT); // a placeholder: the planner puts the filter on a side
            }
            return t;
        }
        String typo = Suggestions.didYouMean(q, List.of(own.name()));
        String what;
        if (q.equals("left") || q.equals("right")) {
            what = "'" + q + "' cannot be used in the filter of stream " + own.name();
        } else if (!typo.isEmpty()) {
            what = "unknown stream '" + q + "'" + typo;
        } else {
            what = "'%s.%s' is not a field of stream %s".formatted(q, name, own.name());
        }
        r.error(
                f.qualifier().span(),
                what
                        + ": a stream filter sees only its own record; write its fields as '%s' or '%s.%s'"
                                .formatted(name, own.name(), name));
        return Type.ERROR;
    }

    /** The side a qualifier means; null, reported unless a stream is already broken. */
    private Side side(FieldRef f) {
        String q = f.qualifier().text();
        Side side = scope.side(q);
        if (side == null && scope.complete()) {
            r.error(
                    f.qualifier().span(),
                    "unknown stream '%s' in reconcile \"%s\"%s; fields are"
                                    .formatted(
                                            q,
                                            scope.reconciliation(),
                                            Suggestions.didYouMean(q, scope.qualifiers()))
                            + " written "
                            + scope.qualifierList()
                            + " then '.field'");
        }
        return side;
    }

    Type name(Name n) {
        String name = n.name().text();
        if (scope.streamFilter()) {
            return filterName(n);
        }
        if (scope.maps().containsKey(name)) {
            scope.usedMaps().add("map " + name);
            return Type.MAP;
        }
        List<String> sides = new ArrayList<>();
        for (Side s : Side.values()) {
            Checked.Stream stream = scope.stream(s);
            if (stream != null && stream.schema().getField(name) != null) {
                sides.add(stream.name() + "." + name);
            }
        }
        String hint =
                sides.isEmpty()
                        ? Suggestions.didYouMean(name, scope.maps().keySet())
                        : "; fields are written with their stream: " + String.join(" or ", sides);
        r.error(n.span(), "unknown name '" + name + "'" + hint);
        return Type.ERROR;
    }

    /** A bare name in a stream's filter: a field of the stream, else a declared map. */
    private Type filterName(Name n) {
        String name = n.name().text();
        Checked.Stream own = scope.left();
        if (own.schema().getField(name) == null && scope.maps().containsKey(name)) {
            scope.usedMaps().add("map " + name);
            return Type.MAP;
        }
        return resolve(own, n.name(), List.copyOf(scope.maps().keySet()));
    }

    static List<String> names(Schema schema) {
        return schema.getFields().stream().map(Schema.Field::name).toList();
    }
}
