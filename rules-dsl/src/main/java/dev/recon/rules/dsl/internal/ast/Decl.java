package dev.recon.rules.dsl.internal.ast;

import dev.recon.rules.dsl.internal.source.Span;

import java.util.List;

/** A top-level declaration of a rule file. Optional parts are null when not written. */
public sealed interface Decl {
    /** Where the declaration starts (its keyword). */
    Span span();

    /** {@code version "2024-06-01"}: the rule set's version label. */
    record VersionDecl(Str version, Span span) implements Decl {}

    /**
     * {@code stream name { topic "t" schema "file.avsc" key f id f time f [filter expr] }}; {@code
     * filter} is null when not written.
     */
    record StreamDecl(
            Ident name,
            Str topic,
            Str schema,
            Ident key,
            Ident id,
            Ident time,
            Expr filter,
            Span span)
            implements Decl {}

    /** {@code map name { "K": ["V", ...], ... }}: a named constant for {@code in name[key]}. */
    record MapDecl(Ident name, Expr.MapLit map, Span span) implements Decl {}

    /**
     * {@code reconcile "name" left -> right { ... }}; {@code complete} is false when its block had
     * a syntax error, so that a clause that failed to parse is not also reported as missing.
     */
    record ReconcileDecl(
            Ident name,
            Ident left,
            Ident right,
            List<Deadline> deadlines,
            DurationLit retention,
            List<LifecycleDecl> lifecycle,
            List<RuleDecl> rules,
            boolean complete,
            Span span)
            implements Decl {}

    /** {@code deadline 5s} (both sides) or {@code deadline bills 5s} (one side, stream null). */
    record Deadline(Ident stream, DurationLit duration, Span span) {}

    /** Severity, mode, owner and message of a rule; each null when not written. */
    record Header(Ident severity, Ident mode, Str owner, Str message) {}

    /** {@code missing bills id bill-missing severity critical message "..."} and kin. */
    record LifecycleDecl(Ident kind, Ident stream, Ident id, Header header, Span span) {}

    /** {@code rule id { severity .. when .. check .. at_risk .. message .. }}. */
    record RuleDecl(Ident id, Header header, Expr when, Expr check, Expr atRisk, Span span) {}
}
