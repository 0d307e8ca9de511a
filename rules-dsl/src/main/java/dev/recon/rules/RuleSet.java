package dev.recon.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A versioned set of reconciliations. The version is a content hash of the canonical rule text
 * unless a label is given, so the same rules always carry the same version.
 */
public record RuleSet(String version, List<Reconciliation> reconciliations) {

    /** Copies the list. */
    public RuleSet {
        reconciliations = List.copyOf(reconciliations);
        if (reconciliations.isEmpty()) {
            throw new IllegalArgumentException("a rule set needs at least one reconciliation");
        }
    }

    /** A rule set whose version is the first 12 hex digits of the SHA-256 of its text. */
    public static RuleSet of(List<Reconciliation> reconciliations) {
        StringBuilder text = new StringBuilder();
        reconciliations.forEach(r -> text.append(r.describe()));
        return new RuleSet(hash(text.toString()), reconciliations);
    }

    /** The reconciliation with the given name. */
    public Reconciliation reconciliation(String name) {
        return reconciliations.stream()
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no reconciliation named " + name));
    }

    /** Canonical text: what {@code explain} prints. */
    public String describe() {
        StringBuilder sb = new StringBuilder("rule set ").append(version).append('\n');
        reconciliations.forEach(r -> sb.append(r.describe()));
        return sb.toString();
    }

    private static String hash(String text) {
        try {
            byte[] d =
                    MessageDigest.getInstance("SHA-256")
                            .digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
