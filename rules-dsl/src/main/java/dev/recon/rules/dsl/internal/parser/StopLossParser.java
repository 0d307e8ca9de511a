package dev.recon.rules.dsl.internal.parser;

import dev.recon.rules.dsl.internal.ast.Decl.StopLossDecl;
import dev.recon.rules.dsl.internal.ast.DurationLit;
import dev.recon.rules.dsl.internal.ast.Expr.FieldRef;
import dev.recon.rules.dsl.internal.ast.Ident;
import dev.recon.rules.dsl.internal.lexer.Token;
import dev.recon.rules.dsl.internal.lexer.TokenKind;
import dev.recon.rules.dsl.internal.source.Suggestions;

import java.util.List;

/**
 * Parses the clause after {@code stoploss}: {@code (hold | block) (merchant | channel FIELD | route
 * FIELD) [over NUMBER within DURATION] ttl DURATION}, where FIELD is {@code side.field}.
 */
final class StopLossParser {
    private static final List<String> ACTIONS = List.of("hold", "block");
    private static final List<String> TARGETS = List.of("merchant", "channel", "route");

    private final TokenCursor c;
    private final Blocks blocks;

    StopLossParser(TokenCursor cursor, Blocks blocks) {
        this.c = cursor;
        this.blocks = blocks;
    }

    /** The clause; {@code keyword} is the consumed {@code stoploss}. */
    StopLossDecl parse(Token keyword) {
        Ident action = word(ACTIONS, "hold or block after 'stoploss'");
        Ident target = word(TARGETS, "what to " + action.text() + ": merchant, channel or route");
        FieldRef field = target.text().equals("merchant") ? null : field(target.text());
        Long threshold = null;
        DurationLit window = null;
        if (c.matchWord("over")) {
            Token n =
                    c.expect(
                            TokenKind.NUMBER,
                            "an amount in minor units after 'over' (as in over 100000)");
            if (!n.suffix().isEmpty()) {
                throw c.fail(n, "'over' takes an amount in minor units, without a unit");
            }
            threshold = n.value() == null ? 0L : (Long) n.value();
            if (!c.matchWord("within")) {
                throw c.fail(
                        c.peek(),
                        "expected 'within' and a window after 'over %d' (as in within 5m), found %s"
                                .formatted(threshold, c.peek().describe()));
            }
            window = blocks.duration("the window after 'within'");
        } else if (c.atWord("within")) {
            throw c.fail(
                    c.peek(),
                    "'within' needs an amount first: write 'over N within 5m', or leave both out"
                            + " to act on the first break");
        }
        if (!c.matchWord("ttl")) {
            throw c.fail(
                    c.peek(),
                    "expected 'ttl' and how long the %s lasts (as in ttl 30m), found %s"
                            .formatted(action.text(), c.peek().describe()));
        }
        DurationLit ttl = blocks.duration("how long the " + action.text() + " lasts after 'ttl'");
        return new StopLossDecl(action, target, field, threshold, window, ttl, c.span(keyword));
    }

    private Ident word(List<String> allowed, String what) {
        Token t = c.peek();
        if (t.kind() != TokenKind.IDENT || !allowed.contains(t.text())) {
            String hint =
                    t.kind() == TokenKind.IDENT ? Suggestions.didYouMean(t.text(), allowed) : "";
            throw c.fail(t, "expected " + what + ", found " + t.describe() + hint);
        }
        c.advance();
        return new Ident(t.text(), c.span(t));
    }

    /** {@code left.x} or {@code right.x} (or a stream's name), checked against the schema later. */
    private FieldRef field(String target) {
        if (!c.at(TokenKind.IDENT) || c.peek(1).kind() != TokenKind.DOT) {
            throw c.fail(
                    c.peek(),
                    "expected the field that holds the %s (left.x or right.x, as in"
                                    .formatted(target)
                            + " left.source_system), found "
                            + c.peek().describe());
        }
        Ident side = c.ident("a side");
        c.advance();
        Ident name = c.ident("a field name after '" + side.text() + ".'");
        return new FieldRef(side, name, side.span().to(name.span()));
    }
}
