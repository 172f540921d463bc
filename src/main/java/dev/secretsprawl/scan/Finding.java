package dev.secretsprawl.scan;

import dev.secretsprawl.rules.Severity;

import java.util.List;
import java.util.Map;

/**
 * One secret at one location. Holds the {@link Secret} for verification and migration; reports use
 * {@link #preview()}, {@link #secretHash()} and {@link #fingerprint()} only.
 *
 * @param secretHash       keyed hash of the value: equal values share it across files and repositories
 * @param decodedFrom      the decoder that exposed the secret (base64, url, escape) or null for plain text
 * @param properties       source metadata such as commit, author and date
 * @param otherOccurrences further places the same fingerprint was introduced (history: other commits), oldest first
 * @param context          the lines around the secret, for verifiers that need what travels with it (a database
 *                         password's host and user); raw text, so never reported
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
        Map<String, String> properties,
        List<Occurrence> otherOccurrences,
        Secret context) {

    private static final Secret NO_CONTEXT = new Secret("");

    public Finding {
        properties = properties == null ? Map.of() : Map.copyOf(properties);
        otherOccurrences = otherOccurrences == null ? List.of() : List.copyOf(otherOccurrences);
        context = context == null ? NO_CONTEXT : context;
    }

    public Finding(String ruleId, String description, Severity severity, String issuer, Location location,
                   Secret secret, String secretHash, Fingerprint fingerprint, String decodedFrom,
                   Map<String, String> properties, List<Occurrence> otherOccurrences) {
        this(ruleId, description, severity, issuer, location, secret, secretHash, fingerprint, decodedFrom,
                properties, otherOccurrences, null);
    }

    public Finding(String ruleId, String description, Severity severity, String issuer, Location location,
                   Secret secret, String secretHash, Fingerprint fingerprint, String decodedFrom,
                   Map<String, String> properties) {
        this(ruleId, description, severity, issuer, location, secret, secretHash, fingerprint, decodedFrom,
                properties, List.of(), null);
    }

    public String preview() {
        return secret.preview();
    }

    /** This finding at the same place with other source metadata (another commit that made the same change). */
    public Finding withProperties(Map<String, String> newProperties) {
        return new Finding(ruleId, description, severity, issuer, location, secret, secretHash, fingerprint,
                decodedFrom, newProperties, otherOccurrences, context);
    }

    public Finding withLocation(Location newLocation) {
        return new Finding(ruleId, description, severity, issuer, newLocation, secret, secretHash, fingerprint,
                decodedFrom, properties, otherOccurrences, context);
    }

    public Finding withFingerprint(Fingerprint newFingerprint) {
        return new Finding(ruleId, description, severity, issuer, location, secret, secretHash, newFingerprint,
                decodedFrom, properties, otherOccurrences, context);
    }

    public Finding withOtherOccurrences(List<Occurrence> occurrences) {
        return new Finding(ruleId, description, severity, issuer, location, secret, secretHash, fingerprint,
                decodedFrom, properties, occurrences, context);
    }

    /** This finding's own place, as an occurrence. */
    public Occurrence occurrence() {
        return new Occurrence(location, properties);
    }
}
