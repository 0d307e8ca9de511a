package dev.recon.rules.dsl.internal.parser;

/**
 * Thrown after a syntax error has been reported, to unwind to the nearest recovery point (a clause
 * or a declaration), where the parser skips ahead and goes on: panic-mode recovery.
 */
final class ParseAbort extends RuntimeException {
    static final ParseAbort INSTANCE = new ParseAbort();

    private ParseAbort() {
        super("syntax error already reported", null, false, false);
    }
}
