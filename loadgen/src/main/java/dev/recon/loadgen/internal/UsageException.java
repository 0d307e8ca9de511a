package dev.recon.loadgen.internal;

/** A command line the CLI cannot accept; the message names the flag and what it expects. */
public final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message fit for the user. */
    public UsageException(String message) {
        super(message);
    }
}
