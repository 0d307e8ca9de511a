package dev.recon.rules.dsl.internal.ast;

import dev.recon.rules.dsl.internal.source.SourceFile;

import java.util.List;

/** A parsed rule file: its source and its declarations (those that parsed). */
public record RuleFile(SourceFile source, List<Decl> decls) {}
