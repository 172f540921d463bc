package dev.secretsprawl.scan;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * Keyed hash (HMAC-SHA256) of secret values, so reports, baselines and plans can identify a secret
 * without holding it. The key comes from {@code SPRAWL_HASH_KEY} when set; the built-in default keeps
 * fingerprints stable across machines but offers no protection against guessing weak passwords.
 */
public final class SecretHasher {
    public static final String KEY_ENV = "SPRAWL_HASH_KEY";
    private static final String DEFAULT_KEY = "secret-sprawl/fingerprint/v1";

    private final byte[] key;

    public SecretHasher(String key) {
        this.key = key.getBytes(StandardCharsets.UTF_8);
    }

    /** Uses {@code SPRAWL_HASH_KEY} when set and non-empty, the built-in default otherwise. */
    public static SecretHasher fromEnvironment() {
        String env = System.getenv(KEY_ENV);
        return new SecretHasher(env == null || env.isEmpty() ? DEFAULT_KEY : env);
    }

    public static SecretHasher defaultKey() {
        return new SecretHasher(DEFAULT_KEY);
    }

    /** Hex HMAC of the secret value. */
    public String hash(Secret secret) {
        return hex(secret.reveal());
    }

    String hex(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable in this JVM", e);
        }
    }
}
