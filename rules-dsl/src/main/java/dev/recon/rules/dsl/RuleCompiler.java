package dev.recon.rules.dsl;

import dev.recon.rules.dsl.internal.Frontend;

/**
 * Compiles rule files into the {@link dev.recon.rules.RuleSet} the job runs, in three passes: parse
 * (hand-written lexer and recursive-descent parser), check (names, types and fields against the
 * Avro schemas), plan (a tree of small evaluator objects, fields resolved to positions).
 *
 * <p>It never throws on user input: every problem is a {@link Diagnostic}, and all the errors of a
 * file are reported at once.
 */
public final class RuleCompiler {
    private RuleCompiler() {}

    /** Compiles a bundle. */
    public static Compilation compile(RuleBundle bundle) {
        return Frontend.compile(bundle);
    }
}
