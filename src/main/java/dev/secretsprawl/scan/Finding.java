package dev.secretsprawl.scan;

import dev.secretsprawl.rules.Severity;

import java.util.Map;

/**
 * One secret at one location. Holds the {@link Secret} for verification and migration; reports use
 * {@link #preview()}, {@link #secretHash()} and {@link #fingerprint()} only.
 *
 * @param secretHash keyed hash of the value: equal values share it across files and repositories
 * @param decodedFrom the decoder that exposed the secret (base64, url, escape) or null for plain text
 * @param properties  source metadata such as commit, author and date
 */
public record Finding(
        String ruleId,
        String description,
        Severity severity,
        String issuer,
        Location location,
        Secret secret,
        String secretHash,
        Fingerprint fingerprint,
        String decodedFrom,
        Map<String, String> properties) {

    public Finding {
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    public String preview() {
        return secret.preview();
    }
}
