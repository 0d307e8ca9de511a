package dev.recon.rules.dsl.internal.check;

import dev.recon.rules.Side;
import dev.recon.rules.dsl.internal.ast.Str;
import dev.recon.rules.dsl.internal.check.Placeholders.Placeholder;
import dev.recon.rules.dsl.internal.source.Reporter;
import dev.recon.rules.dsl.internal.source.Span;
import dev.recon.rules.dsl.internal.source.Suggestions;

/**
 * Checks the {@code {side.field}} placeholders of a message; a placeholder of a side a lifecycle
 * rule never has (a missing bill's fields) is a warning, since it always renders as {@code
 * <missing>}. A valid message is recorded in canonical form ({@code {left.f}}, {@code {right.f}}).
 */
final class MessageChecker {
    private final Reporter r;
    private final Typing typing;
    private final Scope scope;

    MessageChecker(Reporter reporter, Typing typing, Scope scope) {
        this.r = reporter;
        this.typing = typing;
        this.scope = scope;
    }

    /**
     * Checks a message; {@code present} is the only side a lifecycle rule has (null for a pair
     * rule, which has both), {@code owner} names the rule in warnings.
     */
    void check(Str message, Side present, String owner) {
        boolean ok = true;
        for (Placeholder p : Placeholders.of(message.value())) {
            Span at = message.part(p.open(), p.close() < 0 ? p.open() + 1 : p.close() + 1);
            Checked.Stream stream = resolve(p, at);
            ok &= stream != null;
            if (stream != null && present != null && scope.side(p.side()) != present) {
                r.warning(
                        at,
                        "%s has no %s record: {%s} always renders as <missing>"
                                .formatted(owner, stream.name(), p.content()));
            }
        }
        if (ok) {
            typing.message(message, Placeholders.canonical(message.value(), scope));
        }
    }

    /** The stream of a placeholder whose field exists, else null (reported). */
    private Checked.Stream resolve(Placeholder p, Span at) {
        if (p.close() < 0) {
            r.error(
                    at,
                    "unclosed '{' in the message: placeholders are written {left.field},"
                            + " and a message cannot contain a literal '{'");
            return null;
        }
        Side side = scope.side(p.side());
        if (side == null) {
            String what = p.side().isEmpty() ? "no stream" : "unknown stream '" + p.side() + "'";
            r.error(
                    at,
                    "placeholder {%s} has %s%s: write {side.field} with side %s"
                            .formatted(
                                    p.content(),
                                    what,
                                    Suggestions.didYouMean(p.side(), scope.qualifiers()),
                                    scope.qualifierList()));
            return null;
        }
        Checked.Stream stream = scope.stream(side);
        if (stream != null && stream.schema().getField(p.field()) == null) {
            r.error(
                    at,
                    "unknown field '%s' in %s%s"
                            .formatted(
                                    p.field(),
                                    stream.name(),
                                    Suggestions.didYouMean(
                                            p.field(), FieldResolver.names(stream.schema()))));
            return null;
        }
        return stream;
    }
}
