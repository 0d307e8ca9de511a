package dev.recon.rules.dsl.internal.check;

import dev.recon.rules.dsl.internal.ast.Decl;
import dev.recon.rules.dsl.internal.ast.Decl.MapDecl;
import dev.recon.rules.dsl.internal.ast.Decl.ReconcileDecl;
import dev.recon.rules.dsl.internal.ast.Decl.StreamDecl;
import dev.recon.rules.dsl.internal.ast.Decl.VersionDecl;
import dev.recon.rules.dsl.internal.ast.Ident;
import dev.recon.rules.dsl.internal.ast.RuleFile;
import dev.recon.rules.dsl.internal.parser.Keywords;
import dev.recon.rules.dsl.internal.source.Reporter;
import dev.recon.rules.dsl.internal.source.Span;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The check pass over a whole bundle: declarations are global across its files, so names are unique
 * across files; then streams, maps and reconciliations are checked, and declarations no
 * reconciliation uses are warned about.
 */
public final class Checker {
    private final Reporter r;
    private final Typing typing = new Typing();
    private final Map<String, Span> names = new HashMap<>();
    private final Map<String, Checked.Stream> streams = new LinkedHashMap<>();
    private final Map<String, Map<String, Set<String>>> maps = new HashMap<>();
    private final Set<String> used = new HashSet<>();
    private final List<Decl> decls = new ArrayList<>();

    private Checker(Reporter reporter) {
        this.r = reporter;
    }

    /**
     * Checks parsed files; {@code schemas} maps a schema reference to its text, {@code
     * defaultVersion} is used when no file declares a version. Null when there are errors.
     */
    public static Checked.Bundle check(
            List<RuleFile> files, Map<String, String> schemas, String defaultVersion, Reporter r) {
        Checker c = new Checker(r);
        files.forEach(f -> c.decls.addAll(f.decls()));
        String version = c.version(defaultVersion);
        List<Checked.Recon> recons = c.checkAll(schemas);
        c.warnUnused();
        if (c.decls.stream().noneMatch(d -> d instanceof ReconcileDecl) && !r.hasErrors()) {
            r.fileError("", "no reconciliation: a rule set needs at least one 'reconcile' block");
        }
        return r.hasErrors() ? null : new Checked.Bundle(version, recons, c.typing);
    }

    private List<Checked.Recon> checkAll(Map<String, String> schemas) {
        StreamChecker sc = new StreamChecker(r, schemas);
        for (Decl d : decls) {
            if (d instanceof StreamDecl s && unique("stream", s.name())) {
                streams.put(s.name().text(), sc.check(s));
            } else if (d instanceof MapDecl m && unique("map", m.name())) {
                maps.put(m.name().text(), Constants.map(m.map(), r));
            }
        }
        filters();
        ReconChecker rc = new ReconChecker(r, typing, streams, maps, used);
        List<Checked.Recon> recons = new ArrayList<>();
        for (Decl d : decls) {
            if (d instanceof ReconcileDecl rd && unique("reconcile", rd.name())) {
                recons.add(rc.check(rd));
            }
        }
        return recons;
    }

    /**
     * The filters of the valid streams (maps may be declared after the stream): conditions on the
     * stream's own record.
     */
    private void filters() {
        for (Decl d : decls) {
            if (d instanceof StreamDecl s && s.filter() != null) {
                Checked.Stream stream = streams.get(s.name().text());
                if (stream != null && stream.decl() == s) {
                    new ExprChecker(r, typing, Scope.filterOf(stream, maps, used))
                            .expect(s.filter(), Type.BOOL, "filter", "a condition (boolean)");
                }
            }
        }
    }

    /** Reports a second declaration of a name, and a reserved word used as a name. */
    private boolean unique(String kind, Ident name) {
        if (!kind.equals("reconcile") && Keywords.isReserved(name.text())) {
            r.error(
                    name.span(),
                    "'" + name.text() + "' is a reserved word and cannot name a " + kind);
        }
        Span first = names.putIfAbsent(kind + " " + name.text(), name.span());
        if (first != null) {
            r.error(
                    name.span(),
                    kind + " '" + name.text() + "' is already declared at " + first.where());
            return false;
        }
        return true;
    }

    private String version(String defaultVersion) {
        VersionDecl first = null;
        for (Decl d : decls) {
            if (d instanceof VersionDecl v && first != null) {
                r.error(v.span(), "the version is already declared at " + first.span().where());
            } else if (d instanceof VersionDecl v) {
                first = v;
                if (!v.version().value().matches("[\\x21-\\x7E]{1,64}")) {
                    r.error(
                            v.version().span(),
                            "a version is 1 to 64 printable characters" + " without spaces");
                }
            }
        }
        return first == null ? defaultVersion : first.version().value();
    }

    private void warnUnused() {
        for (Decl d : decls) {
            if (d instanceof StreamDecl s && !used.contains("stream " + s.name().text())) {
                r.warning(
                        s.name().span(),
                        "stream '" + s.name().text() + "' is not used by any" + " reconciliation");
            } else if (d instanceof MapDecl m && !used.contains("map " + m.name().text())) {
                r.warning(m.name().span(), "map '" + m.name().text() + "' is not used by any rule");
            }
        }
    }
}
