package dev.recon.rules.dsl.internal;

import dev.recon.rules.dsl.internal.source.Reporter;
import dev.recon.rules.dsl.internal.source.SourceFile;
import dev.recon.rules.dsl.internal.source.Span;

/**
 * Whether a rule file is text: a NUL character means a binary file, which is reported once (at the
 * first NUL) and not parsed; bytes that were not UTF-8 (read as U+FFFD) are reported once, at the
 * first, and parsing goes on.
 */
final class TextChecks {
    private TextChecks() {}

    /** False (reported) when the file is binary; reports undecodable bytes. */
    static boolean isText(SourceFile source, Reporter r) {
        String text = source.text();
        int nul = text.indexOf('\0');
        int bad = text.indexOf('\uFFFD');
        if (bad >= 0) {
            int lines = 0;
            int last = 0;
            for (int i = bad; i >= 0; i = text.indexOf('\uFFFD', i + 1)) {
                if (source.line(i) != last) {
                    last = source.line(i);
                    lines++;
                }
            }
            r.error(
                    new Span(source, bad, bad + 1),
                    "invalid UTF-8: bytes that are not UTF-8 (shown as U+FFFD)"
                            + (lines > 1
                                    ? " here and on %d more line%s"
                                            .formatted(lines - 1, lines > 2 ? "s" : "")
                                    : "")
                            + "; save the file as UTF-8");
        }
        if (nul >= 0) {
            r.error(
                    new Span(source, nul, nul + 1),
                    "a NUL byte: rule files are UTF-8 text, is this a binary file? (not parsed)");
            return false;
        }
        return true;
    }
}
