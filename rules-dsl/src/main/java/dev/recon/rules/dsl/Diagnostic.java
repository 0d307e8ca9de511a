package dev.recon.rules.dsl;

/**
 * One finding of the compiler, at a position of a rule file (line and column 1-based, columns in
 * Unicode code points), with the source line it points into. {@link #format()} renders it as
 *
 * <pre>
 * rules/bad.rules:12:17: error: unknown field 'amout' in bills (did you mean 'amount_minor'?)
 *     check right.amout within 0 of left.amount_minor
 *                 ^
 * </pre>
 *
 * A diagnostic about a whole bundle has no file (empty), one about a whole file has line 0.
 */
public record Diagnostic(
        Kind kind,
        String file,
        int line,
        int column,
        String message,
        String sourceLine,
        int sourceColumn) {
    /** Longest source line shown whole, in code points; a longer one is cut around the column. */
    public static final int MAX_SHOWN = 160;

    /** A diagnostic whose source line is shown whole: the caret is at {@code column}. */
    public Diagnostic(
            Kind kind, String file, int line, int column, String message, String sourceLine) {
        this(kind, file, line, column, message, sourceLine, column);
    }

    /**
     * A diagnostic at a line of any length: a line longer than {@value #MAX_SHOWN} code points is
     * shown as the part around the column, between "...", and {@code sourceColumn} is the caret's
     * column in that part.
     */
    public static Diagnostic at(
            Kind kind, String file, int line, int column, String message, String fullLine) {
        int length = fullLine.codePointCount(0, fullLine.length());
        if (length <= MAX_SHOWN) {
            return new Diagnostic(kind, file, line, column, message, fullLine);
        }
        int from = Math.max(0, Math.min(column - 1 - MAX_SHOWN / 2, length - MAX_SHOWN));
        int begin = fullLine.offsetByCodePoints(0, from);
        int end = fullLine.offsetByCodePoints(begin, MAX_SHOWN);
        String shown =
                (from > 0 ? "..." : "")
                        + fullLine.substring(begin, end)
                        + (end < fullLine.length() ? "..." : "");
        int caret = column - from + (from > 0 ? 3 : 0);
        return new Diagnostic(kind, file, line, column, message, shown, caret);
    }

    /** How bad it is: an error stops compilation, a warning does not. */
    public enum Kind {
        ERROR,
        WARNING
    }

    /** An error about a whole file (or, with an empty file name, the whole bundle). */
    public static Diagnostic fileError(String file, String message) {
        return new Diagnostic(Kind.ERROR, file, 0, 0, message, "", 0);
    }

    /** True for {@link Kind#ERROR}. */
    public boolean isError() {
        return kind == Kind.ERROR;
    }

    /** The same diagnostic reported against another file name, e.g. a path the user typed. */
    public Diagnostic withFile(String newFile) {
        return new Diagnostic(kind, newFile, line, column, message, sourceLine, sourceColumn);
    }

    /** {@code file:line:col: error: message}, the source line and a caret under the column. */
    public String format() {
        String label = kind == Kind.ERROR ? "error: " : "warning: ";
        if (line <= 0) {
            return (file.isEmpty() ? "" : file + ": ") + label + message;
        }
        return file
                + ":"
                + line
                + ":"
                + column
                + ": "
                + label
                + message
                + "\n"
                + sourceLine
                + "\n"
                + caret();
    }

    /** Spaces (tabs where the source has tabs) up to the column, then {@code ^}. */
    private String caret() {
        StringBuilder sb = new StringBuilder();
        int[] cps = sourceLine.codePoints().toArray();
        for (int i = 0; i < sourceColumn - 1; i++) {
            sb.append(i < cps.length && cps[i] == '\t' ? '\t' : ' ');
        }
        return sb.append('^').toString();
    }
}
