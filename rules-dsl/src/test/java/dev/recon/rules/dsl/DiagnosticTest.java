package dev.recon.rules.dsl;

import dev.recon.rules.dsl.Diagnostic.Kind;
import dev.recon.rules.dsl.internal.source.Reporter;
import dev.recon.rules.dsl.internal.source.SourceFile;
import dev.recon.rules.dsl.internal.source.Span;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Tests for {@link Diagnostic} and how positions become lines, columns and carets. */
class DiagnosticTest {
    @Test
    void formatsLikeACompilerWithACaretUnderTheColumn() {
        Diagnostic d =
                new Diagnostic(
                        Kind.ERROR,
                        "rules/bad.rules",
                        12,
                        17,
                        "unknown field 'amout' in bills (did you mean 'amount_minor'?)",
                        "    check right.amout within 0 of left.amount_minor");
        assertThat(d.format())
                .isEqualTo(
                        """
                rules/bad.rules:12:17: error: unknown field 'amout' in bills (did you mean 'amount_minor'?)
                    check right.amout within 0 of left.amount_minor
                                ^""");
    }

    @Test
    void columnsCountCodePointsAndTabsAreKeptInTheCaretLine() {
        SourceFile f = new SourceFile("f.rules", "a\n\t😀 \"é\" x\r\nlast");
        Reporter r = new Reporter();
        int x = f.text().indexOf('x');
        r.warning(new Span(f, x, x + 1), "here");
        Diagnostic d = r.diagnostics().get(0);
        assertThat(d.line()).isEqualTo(2);
        assertThat(d.column()).isEqualTo(8);
        assertThat(d.sourceLine()).isEqualTo("\t😀 \"é\" x");
        assertThat(d.format()).endsWith("\n\t      ^").contains("f.rules:2:8: warning: here");
        assertThat(f.lineText(3)).isEqualTo("last");
    }

    @Test
    void fileAndBundleDiagnosticsHaveNoSourceLine() {
        assertThat(Diagnostic.fileError("a.rules", "too large").format())
                .isEqualTo("a.rules: error: too large");
        assertThat(Diagnostic.fileError("", "no rule files").format())
                .isEqualTo("error: no rule files");
    }

    @Test
    void theReporterStopsAfterTooManyErrorsInAFile() {
        SourceFile f = new SourceFile("f.rules", "x");
        Reporter r = new Reporter();
        for (int i = 0; i < 500; i++) {
            r.error(new Span(f, 0, 1), "e" + i);
        }
        assertThat(r.gaveUp(f)).isTrue();
        assertThat(r.diagnostics()).hasSize(Reporter.MAX_ERRORS_PER_FILE + 1);
        assertThat(r.diagnostics())
                .first()
                .extracting(Diagnostic::message)
                .isEqualTo("too many errors (50); stopped here");
    }
}
