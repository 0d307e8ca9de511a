package dev.recon.rules.dsl.internal;

import dev.recon.rules.RuleSet;
import dev.recon.rules.dsl.Compilation;
import dev.recon.rules.dsl.RuleBundle;
import dev.recon.rules.dsl.internal.ast.Decl;
import dev.recon.rules.dsl.internal.ast.RuleFile;
import dev.recon.rules.dsl.internal.check.Checked;
import dev.recon.rules.dsl.internal.check.Checker;
import dev.recon.rules.dsl.internal.parser.Parser;
import dev.recon.rules.dsl.internal.plan.Planner;
import dev.recon.rules.dsl.internal.source.Reporter;
import dev.recon.rules.dsl.internal.source.SourceFile;
import dev.recon.rules.dsl.internal.source.Span;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs parse, check and plan over a bundle and turns any failure into diagnostics. */
public final class Frontend {
    /** Largest rule file compiled, in characters. */
    public static final int MAX_FILE_CHARS = 1 << 20;

    private Frontend() {}

    /** Compiles a bundle; never throws on user input. */
    public static Compilation compile(RuleBundle bundle) {
        Reporter r = new Reporter();
        String version = bundle.contentHash().substring(0, 12);
        try {
            List<RuleFile> files = parseAll(bundle, r);
            version = declaredVersion(files, version);
            Checked.Bundle checked = Checker.check(files, bundle.schemas(), version, r);
            RuleSet rules = checked == null || r.hasErrors() ? null : Planner.plan(checked);
            return new Compilation(rules, r.diagnostics(), version);
        } catch (RuntimeException | StackOverflowError e) {
            r.fileError("", "internal error of the rules compiler, please report it: " + e);
            return new Compilation(null, r.diagnostics(), version);
        }
    }

    private static List<RuleFile> parseAll(RuleBundle bundle, Reporter r) {
        if (bundle.ruleFiles().isEmpty()) {
            r.fileError("", "no rule files (*.rules) to compile");
        }
        List<RuleFile> files = new ArrayList<>();
        for (Map.Entry<String, String> e : bundle.ruleFiles().entrySet()) {
            if (e.getValue().length() > MAX_FILE_CHARS) {
                r.fileError(
                        e.getKey(),
                        "the file is too large (more than " + MAX_FILE_CHARS + " characters)");
                continue;
            }
            SourceFile source = new SourceFile(e.getKey(), e.getValue());
            reportUndecodable(source, r);
            files.add(Parser.parse(source, r));
        }
        return files;
    }

    /** Reports each line with U+FFFD, which is how undecodable input reaches the compiler. */
    private static void reportUndecodable(SourceFile source, Reporter r) {
        String text = source.text();
        int lastLine = 0;
        for (int i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) {
            if (source.line(i) != lastLine) {
                lastLine = source.line(i);
                r.error(
                        new Span(source, i, i + 1),
                        "invalid UTF-8: bytes that are not UTF-8" + " (shown as U+FFFD)");
            }
        }
    }

    private static String declaredVersion(List<RuleFile> files, String fallback) {
        for (RuleFile f : files) {
            for (Decl d : f.decls()) {
                if (d instanceof Decl.VersionDecl v) {
                    return v.version().value();
                }
            }
        }
        return fallback;
    }
}
