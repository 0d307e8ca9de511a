package dev.recon.loadgen;

/**
 * A load generation or check could not be carried out (broker unreachable, send failed, bad file).
 */
public class LoadGenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message fit for an operator. */
    public LoadGenException(String message) {
        super(message);
    }

    /** Creates an exception with a message fit for an operator and its cause. */
    public LoadGenException(String message, Throwable cause) {
        super(message, cause);
    }
}
