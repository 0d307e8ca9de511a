package dev.recon.job.cli;

/** A bad command line: the message says what was wrong and what to pass instead. */
public final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message for the user. */
    public UsageException(String message) {
        super(message);
    }
}
