package dev.recon.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic alert ids: the same break (reconciliation, rule, key, discriminator) always gets
 * the same id, so a replay, a restart or a retry can be deduplicated downstream by that id.
 */
public final class AlertIds {
    private static final HexFormat HEX = HexFormat.of();

    private AlertIds() {}

    /**
     * Returns the id of a break.
     *
     * @param reconciliation name of the reconciliation
     * @param ruleId rule that found the break
     * @param key join key (payment id)
     * @param discriminator what tells two breaks of one rule and key apart (a bill id), or ""
     */
    public static String of(
            String reconciliation, String ruleId, String key, String discriminator) {
        MessageDigest sha = sha256();
        for (String part : new String[] {reconciliation, ruleId, key, discriminator}) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            sha.update((byte) (bytes.length >>> 24));
            sha.update((byte) (bytes.length >>> 16));
            sha.update((byte) (bytes.length >>> 8));
            sha.update((byte) bytes.length);
            sha.update(bytes);
        }
        byte[] digest = sha.digest();
        return HEX.formatHex(digest, 0, 16);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
