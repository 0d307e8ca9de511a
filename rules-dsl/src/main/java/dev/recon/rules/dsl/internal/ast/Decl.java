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

    /** Severity, mode, owner, message and stop-loss of a rule; each null when not written. */
    record Header(Ident severity, Ident mode, Str owner, Str message, StopLossDecl stopLoss) {}

    /**
     * {@code stoploss hold merchant over 100000 within 5m ttl 30m} or {@code stoploss block channel
     * left.source_system ttl 1h}: {@code action} and {@code target} as written (checked by the
     * parser), {@code field} null for a merchant, {@code threshold} and {@code window} null without
     * {@code over}.
     */
    record StopLossDecl(
            Ident action,
            Ident target,
            Expr.FieldRef field,
            Long threshold,
            DurationLit window,
            DurationLit ttl,
            Span span) {}

    /** {@code missing bills id bill-missing severity critical message "..."} and kin. */
    record LifecycleDecl(Ident kind, Ident stream, Ident id, Header header, Span span) {}

    /** {@code rule id { severity .. when .. check .. at_risk .. message .. }}. */
    record RuleDecl(Ident id, Header header, Expr when, Expr check, Expr atRisk, Span span) {}
}
