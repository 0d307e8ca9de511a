package dev.recon.rules.dsl.internal.parser;

import dev.recon.rules.dsl.internal.ast.Decl;
import dev.recon.rules.dsl.internal.ast.Decl.MapDecl;
import dev.recon.rules.dsl.internal.ast.Decl.StreamDecl;
import dev.recon.rules.dsl.internal.ast.Decl.VersionDecl;
import dev.recon.rules.dsl.internal.ast.Expr;
import dev.recon.rules.dsl.internal.ast.Ident;
import dev.recon.rules.dsl.internal.ast.RuleFile;
import dev.recon.rules.dsl.internal.lexer.Lexer;
import dev.recon.rules.dsl.internal.lexer.Token;
import dev.recon.rules.dsl.internal.lexer.TokenKind;
import dev.recon.rules.dsl.internal.source.Reporter;
import dev.recon.rules.dsl.internal.source.SourceFile;
import dev.recon.rules.dsl.internal.source.Suggestions;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser of a rule file: {@code version}, {@code stream}, {@code map} and {@code
 * reconcile} declarations. Every syntax error is reported; after one, the parser skips to the next
 * clause or declaration (panic mode), so one run reports all the errors of a file.
 */
public final class Parser {
    /** The clauses a stream needs, each with what it means ({@code filter} is optional). */
    private static final String[] STREAM_CLAUSES = {
        "topic", "the Kafka topic",
        "schema", "the Avro schema file",
        "key", "the field records are joined by",
        "id", "the field that identifies a record",
        "time", "the event-time field"
    };

    private final TokenCursor c;
    private final Blocks blocks;
    private final ExprParser exprs;

    private Parser(SourceFile file, Reporter reporter) {
        this.c = new TokenCursor(file, Lexer.lex(file, reporter), reporter);
        this.blocks = new Blocks(c);
        this.exprs = new ExprParser(c);
    }

    /** Parses a file; the result holds the declarations that parsed. */
    public static RuleFile parse(SourceFile file, Reporter reporter) {
        return new Parser(file, reporter).file();
    }

    private RuleFile file() {
        List<Decl> decls = new ArrayList<>();
        while (!c.atEnd()) {
            int before = c.mark();
            try {
                decls.add(decl());
            } catch (ParseAbort e) {
                c.sync(Set.of(), Keywords.TOP_LEVEL);
                if (c.mark() == before) {
                    c.advance();
                }
            }
        }
        return new RuleFile(c.file, List.copyOf(decls));
    }

    private Decl decl() {
        Token t = c.peek();
        if (t.is("version")) {
            c.advance();
            return new VersionDecl(
                    c.string("the version in quotes, as in version \"2024-06\""), c.span(t));
        } else if (t.is("stream")) {
            return stream(c.advance());
        } else if (t.is("map")) {
            c.advance();
            Ident name = c.ident("the name of the map");
            return new MapDecl(name, (Expr.MapLit) exprs.map(), c.span(t));
        } else if (t.is("reconcile")) {
            return new ReconcileParser(c, blocks, exprs).reconcile(c.advance());
        }
        String hint =
                t.kind() == TokenKind.IDENT
                        ? Suggestions.didYouMean(t.text(), Keywords.TOP_LEVEL)
                        : "";
        throw c.fail(t, "expected stream, reconcile, map or version, found " + t.describe() + hint);
    }

    private Decl stream(Token keyword) {
        Ident name = c.ident("the name of the stream");
        String owner = "stream '" + name.text() + "'";
        Clauses cl = new Clauses(c, owner);
        blocks.block(
                cl,
                owner,
                Keywords.STREAM,
                Keywords.TOP_LEVEL,
                kw -> {
                    if (kw.is("filter")) {
                        cl.set(kw, exprs.parse());
                    } else if (kw.is("topic") || kw.is("schema")) {
                        cl.set(kw, c.string("the " + kw.text() + " in quotes"));
                    } else {
                        cl.set(kw, c.ident("a field name after '" + kw.text() + "'"));
                    }
                });
        for (int i = 0; i < STREAM_CLAUSES.length; i += 2) {
            cl.require(STREAM_CLAUSES[i], STREAM_CLAUSES[i + 1], name.span());
        }
        return new StreamDecl(
                name,
                cl.str("topic"),
                cl.str("schema"),
                cl.ident("key"),
                cl.ident("id"),
                cl.ident("time"),
                cl.expr("filter"),
                c.span(keyword));
    }
}
