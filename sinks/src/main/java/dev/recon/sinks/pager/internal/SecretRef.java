package dev.recon.sinks.pager.internal;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a secret lives: an environment variable or a file. Holds only the name or the path; the
 * secret itself is read by {@link #read()} where it is used and never stored here.
 */
public final class SecretRef implements Serializable {
    private static final long serialVersionUID = 1L;

    private final boolean env;
    private final String location;
    private final String what;

    private SecretRef(boolean env, String location, String what) {
        this.env = env;
        this.location = location;
        this.what = what;
    }

    /** A secret in this environment variable; {@code what} names it in errors. */
    public static SecretRef env(String variable, String what) {
        return new SecretRef(true, variable, what);
    }

    /**
     * A secret in this file (surrounding whitespace is ignored); {@code what} names it in errors.
     */
    public static SecretRef file(Path file, String what) {
        return new SecretRef(false, file.toString(), what);
    }

    /**
     * Reads the secret.
     *
     * @throws IllegalStateException if it is missing or empty, saying what to set
     */
    public String read() {
        String value = env ? System.getenv(location) : readFile();
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(
                    env
                            ? "environment variable "
                                    + location
                                    + " is not set or empty: set it to the "
                                    + what
                            : "file " + location + " is empty: write the " + what + " into it");
        }
        return value.strip();
    }

    private String readFile() {
        Path file = Path.of(location);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(
                    "file " + location + " does not exist: write the " + what + " into it");
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot read file "
                            + location
                            + " ("
                            + e.getClass().getSimpleName()
                            + "): make it readable; it holds the "
                            + what,
                    e);
        }
    }

    /** Where the secret is, without the secret: {@code env:NAME} or {@code file:/path}. */
    @Override
    public String toString() {
        return (env ? "env:" : "file:") + location;
    }
}
