package dev.secretsprawl.scan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Identifies one secret in one file under one rule. Built from rule id, path and the keyed hash of
 * the secret, never from line or column, so it survives line shifts and reformatting.
 */
public record Fingerprint(String value) {
    public static Fingerprint of(String ruleId, String path, String secretHash) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((ruleId + '\0' + path + '\0' + secretHash).getBytes(StandardCharsets.UTF_8));
            return new Fingerprint(HexFormat.of().formatHex(digest, 0, 20));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
