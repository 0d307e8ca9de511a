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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs parse, check and plan over a bundle and turns any failure into diagnostics. */
public final class Frontend {
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
        if (bundle.ruleFiles().size() > Limits.MAX_FILES
                || bundle.schemas().size() > Limits.MAX_FILES) {
            r.fileError(
                    "",
                    "the bundle has %d rule files and %d schemas; at most %d of each"
                            .formatted(
                                    bundle.ruleFiles().size(),
                                    bundle.schemas().size(),
                                    Limits.MAX_FILES));
            return List.of();
        }
        List<RuleFile> files = new ArrayList<>();
        for (Map.Entry<String, String> e : bundle.ruleFiles().entrySet()) {
            long bytes = Limits.utf8Length(e.getValue(), Limits.MAX_RULE_FILE_BYTES);
            if (bytes > Limits.MAX_RULE_FILE_BYTES) {
                r.fileError(
                        e.getKey(),
                        "the file is %s; %s (split it into several files of one directory)"
                                .formatted(
                                        Limits.size(bytes),
                                        Limits.limit("rule files", Limits.MAX_RULE_FILE_BYTES)));
                continue;
            }
            SourceFile source = new SourceFile(e.getKey(), e.getValue());
            if (TextChecks.isText(source, r)) {
                files.add(Parser.parse(source, r));
            }
        }
        return files;
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
