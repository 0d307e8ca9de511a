package dev.recon.rules.dsl.internal.source;

import dev.recon.rules.dsl.Diagnostic;
import dev.recon.rules.dsl.Diagnostic.Kind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the diagnostics of one compilation. At most {@value #MAX_ERRORS_PER_FILE} errors are
 * kept per file, so a hostile file cannot flood the output; a pass asks {@link #gaveUp} to stop.
 */
public final class Reporter {
    /** Errors kept per file before the compiler gives up on it. */
    public static final int MAX_ERRORS_PER_FILE = 50;

    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final Map<String, Integer> errorsPerFile = new HashMap<>();
    private int errors;

    /** Reports an error at a span. */
    public void error(Span at, String message) {
        String file = at.file().name();
        int n = errorsPerFile.merge(file, 1, Integer::sum);
        if (n > MAX_ERRORS_PER_FILE + 1) {
            return;
        }
        errors++;
        if (n == MAX_ERRORS_PER_FILE + 1) {
            diagnostics.add(
                    Diagnostic.fileError(
                            file, "too many errors (" + MAX_ERRORS_PER_FILE + "); stopped here"));
            return;
        }
        diagnostics.add(at(Kind.ERROR, at, message));
    }

    /** Reports a warning at a span. */
    public void warning(Span at, String message) {
        diagnostics.add(at(Kind.WARNING, at, message));
    }

    /** Reports an error about a whole file, or about the bundle when {@code file} is empty. */
    public void fileError(String file, String message) {
        errors++;
        diagnostics.add(Diagnostic.fileError(file, message));
    }

    /** True once the error limit of the file is reached. */
    public boolean gaveUp(SourceFile file) {
        return errorsPerFile.getOrDefault(file.name(), 0) > MAX_ERRORS_PER_FILE;
    }

    /** Errors reported so far. */
    public int errorCount() {
        return errors;
    }

    /** True when any error was reported. */
    public boolean hasErrors() {
        return errors > 0;
    }

    /** All diagnostics, ordered by file, line and column (stable for equal positions). */
    public List<Diagnostic> diagnostics() {
        List<Diagnostic> sorted = new ArrayList<>(diagnostics);
        sorted.sort(
                Comparator.comparing(Diagnostic::file)
                        .thenComparingInt(Diagnostic::line)
                        .thenComparingInt(Diagnostic::column));
        return List.copyOf(sorted);
    }

    private static Diagnostic at(Kind kind, Span span, String message) {
        SourceFile f = span.file();
        int line = f.line(span.start());
        return Diagnostic.at(
                kind, f.name(), line, f.column(span.start()), message, f.lineText(line));
    }
}
