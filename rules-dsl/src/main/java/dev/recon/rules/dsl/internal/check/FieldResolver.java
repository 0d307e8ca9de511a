package dev.recon.rules.dsl.internal.check;

import dev.recon.rules.Side;
import dev.recon.rules.dsl.internal.ast.Expr.FieldRef;
import dev.recon.rules.dsl.internal.ast.Expr.Name;
import dev.recon.rules.dsl.internal.source.Reporter;
import dev.recon.rules.dsl.internal.source.Suggestions;

import org.apache.avro.Schema;

import java.util.ArrayList;
import java.util.List;

/** Resolves {@code side.field} against the side's schema, and bare names to declared maps. */
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
        Side side = side(f);
        Checked.Stream stream = side == null ? null : scope.stream(side);
        if (stream == null) {
            return Type.ERROR; // reported here or where the stream is declared
        }
        String name = f.field().text();
        Schema.Field field = stream.schema().getField(name);
        Type t = field == null ? null : SchemaTypes.of(field);
        if (field == null) {
            r.error(
                    f.field().span(),
                    "unknown field '%s' in %s%s"
                            .formatted(
                                    name,
                                    stream.name(),
                                    Suggestions.didYouMean(name, names(stream.schema()))));
        } else if (t == null) {
            r.error(f.field().span(), SchemaTypes.why(stream.name(), field));
        } else {
            typing.side(f, side);
            return t;
        }
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

    static List<String> names(Schema schema) {
        return schema.getFields().stream().map(Schema.Field::name).toList();
    }
}
