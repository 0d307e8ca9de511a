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
        Kind kind, String file, int line, int column, String message, String sourceLine) {

    /** How bad it is: an error stops compilation, a warning does not. */
    public enum Kind {
        ERROR,
        WARNING
    }

    /** An error about a whole file (or, with an empty file name, the whole bundle). */
    public static Diagnostic fileError(String file, String message) {
        return new Diagnostic(Kind.ERROR, file, 0, 0, message, "");
    }

    /** True for {@link Kind#ERROR}. */
    public boolean isError() {
        return kind == Kind.ERROR;
    }

    /** The same diagnostic reported against another file name, e.g. a path the user typed. */
    public Diagnostic withFile(String newFile) {
        return new Diagnostic(kind, newFile, line, column, message, sourceLine);
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
        for (int i = 0; i < column - 1; i++) {
            sb.append(i < cps.length && cps[i] == '\t' ? '\t' : ' ');
        }
        return sb.append('^').toString();
    }
}
