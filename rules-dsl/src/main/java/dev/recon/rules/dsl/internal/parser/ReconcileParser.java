package dev.recon.rules.dsl.internal.parser;

import dev.recon.rules.dsl.internal.ast.Decl.Deadline;
import dev.recon.rules.dsl.internal.ast.Decl.Header;
import dev.recon.rules.dsl.internal.ast.Decl.LifecycleDecl;
import dev.recon.rules.dsl.internal.ast.Decl.ReconcileDecl;
import dev.recon.rules.dsl.internal.ast.Decl.RuleDecl;
import dev.recon.rules.dsl.internal.ast.Decl.StopLossDecl;
import dev.recon.rules.dsl.internal.ast.DurationLit;
import dev.recon.rules.dsl.internal.ast.Ident;
import dev.recon.rules.dsl.internal.ast.Str;
import dev.recon.rules.dsl.internal.lexer.Token;
import dev.recon.rules.dsl.internal.lexer.TokenKind;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Parses {@code reconcile "name" left -> right { ... }} with its deadlines and rules. */
final class ReconcileParser {
    private static final Set<String> RULE_CLOSERS = union(Keywords.RECONCILE, Keywords.TOP_LEVEL);

    private final TokenCursor c;
    private final Blocks blocks;
    private final ExprParser exprs;
    private final List<Deadline> deadlines = new ArrayList<>();
    private final List<LifecycleDecl> lifecycle = new ArrayList<>();
    private final List<RuleDecl> rules = new ArrayList<>();

    ReconcileParser(TokenCursor cursor, Blocks blocks, ExprParser exprs) {
        this.c = cursor;
        this.blocks = blocks;
        this.exprs = exprs;
    }

    ReconcileDecl reconcile(Token keyword) {
        Ident[] heading = heading();
        String owner = "reconcile \"" + heading[0].text() + "\"";
        Clauses cl = new Clauses(c, owner);
        blocks.block(cl, owner, Keywords.RECONCILE, Keywords.TOP_LEVEL, kw -> clause(kw, cl));
        DurationLit retention = (DurationLit) cl.get("retention");
        return new ReconcileDecl(
                heading[0],
                heading[1],
                heading[2],
                List.copyOf(deadlines),
                retention,
                List.copyOf(lifecycle),
                List.copyOf(rules),
                !cl.broken,
                c.span(keyword));
    }

    /** {@code "name" left -> right}: the name and the two streams. */
    private Ident[] heading() {
        Ident name =
                c.at(TokenKind.STRING)
                        ? name(c.string("a name"))
                        : blocks.ruleId(
                                "the name of the reconciliation, as in reconcile \"a-vs-b\"");
        Ident left = c.ident("the left (upstream) stream after the name");
        c.expect(TokenKind.ARROW, "'->' between the two streams, as in payments -> bills");
        Ident right = c.ident("the right (downstream) stream after '->'");
        if (c.at(TokenKind.ARROW)) {
            throw c.fail(
                    c.peek(),
                    "chains of more than two streams (a -> b -> c) are not"
                            + " supported yet: write one reconcile per pair");
        }
        return new Ident[] {name, left, right};
    }

    private static Ident name(Str s) {
        return new Ident(s.value(), s.span());
    }

    private void clause(Token kw, Clauses cl) {
        switch (kw.text()) {
            case "deadline" -> {
                Ident side = c.at(TokenKind.IDENT) ? c.ident("a stream") : null;
                deadlines.add(new Deadline(side, blocks.duration("a deadline"), c.span(kw)));
            }
            case "retention" -> cl.set(kw, blocks.duration("a retention period"));
            case "rule" -> rules.add(rule(kw));
            case "match" ->
                    throw c.fail(
                            kw,
                            "'match' is reserved: one-to-many matching is not"
                                    + " supported yet (every left record meets at most one right record)");
            case "window" ->
                    throw c.fail(
                            kw, "'window' is reserved: windowed sums are not" + " supported yet");
            default -> lifecycle.add(lifecycle(kw));
        }
    }

    private RuleDecl rule(Token keyword) {
        Ident id = blocks.ruleId("the rule id, as in rule amount-match");
        String owner = "rule '" + id.text() + "'";
        Clauses cl = new Clauses(c, owner);
        blocks.block(
                cl,
                owner,
                Keywords.RULE,
                RULE_CLOSERS,
                kw -> {
                    if (kw.is("when") || kw.is("check") || kw.is("at_risk")) {
                        cl.set(kw, exprs.parse());
                    } else {
                        header(kw, cl);
                    }
                });
        cl.require("severity", "critical, error, warning or info", id.span());
        cl.require("check", "what must hold for a correct pair", id.span());
        cl.require("at_risk", "the amount at risk of a break", id.span());
        cl.require("message", "the alert's text", id.span());
        return new RuleDecl(
                id,
                header(cl),
                cl.expr("when"),
                cl.expr("check"),
                cl.expr("at_risk"),
                c.span(keyword));
    }

    /** {@code missing bills id bill-missing severity critical ...}, braces optional. */
    private LifecycleDecl lifecycle(Token kind) {
        Ident stream = c.ident("the stream after '" + kind.text() + "'");
        String owner = "'" + kind.text() + " " + stream.text() + "'";
        Clauses cl = new Clauses(c, owner);
        if (c.at(TokenKind.LBRACE)) {
            blocks.block(cl, owner, Keywords.LIFECYCLE, RULE_CLOSERS, kw -> header(kw, cl));
        } else {
            while (c.at(TokenKind.IDENT) && Keywords.LIFECYCLE.contains(c.peek().text())) {
                header(c.advance(), cl);
            }
        }
        cl.require("severity", "critical, error, warning or info", stream.span());
        cl.require("message", "the alert's text", stream.span());
        return new LifecycleDecl(
                new Ident(kind.text(), c.span(kind)),
                stream,
                cl.ident("id"),
                header(cl),
                c.span(kind));
    }

    private void header(Token kw, Clauses cl) {
        switch (kw.text()) {
            case "owner", "message" -> cl.set(kw, c.string("the " + kw.text() + " in quotes"));
            case "id" -> cl.set(kw, blocks.ruleId("the rule id, as in id bill-missing"));
            case "stoploss" -> cl.set(kw, new StopLossParser(c, blocks).parse(kw));
            default -> cl.set(kw, c.ident("the " + kw.text() + " after '" + kw.text() + "'"));
        }
    }

    private static Header header(Clauses cl) {
        return new Header(
                cl.ident("severity"),
                cl.ident("mode"),
                cl.str("owner"),
                cl.str("message"),
                (StopLossDecl) cl.get("stoploss"));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
