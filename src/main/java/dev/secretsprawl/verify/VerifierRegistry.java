package dev.secretsprawl.verify;

import dev.secretsprawl.verify.amqp.AmqpVerifier;
import dev.secretsprawl.verify.api.GitHubVerifier;
import dev.secretsprawl.verify.api.GitLabVerifier;
import dev.secretsprawl.verify.api.JenkinsVerifier;
import dev.secretsprawl.verify.api.NpmVerifier;
import dev.secretsprawl.verify.api.SlackVerifier;
import dev.secretsprawl.verify.api.VaultVerifier;
import dev.secretsprawl.verify.db.DatabasePasswordVerifier;
import dev.secretsprawl.verify.http.BasicAuthUrlVerifier;
import dev.secretsprawl.verify.offline.JwtVerifier;
import dev.secretsprawl.verify.offline.PrivateKeyVerifier;
import dev.secretsprawl.verify.redis.RedisVerifier;
import dev.secretsprawl.verify.vendors.AwsVerifier;
import dev.secretsprawl.verify.vendors.DatadogVerifier;
import dev.secretsprawl.verify.vendors.DockerHubVerifier;
import dev.secretsprawl.verify.vendors.SendGridVerifier;
import dev.secretsprawl.verify.vendors.StripeVerifier;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The explicit list of verifiers, and for every other issuer of the rule pack the reason it has none
 * (a test fails when an issuer has neither).
 */
public final class VerifierRegistry {
    /** The issuer of rules that match by key name only ({@code password = ...}). */
    static final String GENERIC = "generic";
    private final Map<String, Verifier> byIssuer = new java.util.LinkedHashMap<>();

    public VerifierRegistry(List<Verifier> verifiers) {
        for (Verifier v : verifiers) {
            for (String issuer : v.issuers()) {
                Verifier before = byIssuer.put(issuer, v);
                if (before != null) {
                    throw new IllegalArgumentException("two verifiers for issuer " + issuer + ": "
                            + before.getClass().getSimpleName() + " and " + v.getClass().getSimpleName());
                }
            }
        }
    }

    /** Every verifier we ship. */
    public static VerifierRegistry standard() {
        return new VerifierRegistry(List.of(
                // verifiers are registered here, one line each
                new GitHubVerifier(),
                new GitLabVerifier(),
                new SlackVerifier(),
                new VaultVerifier(),
                new NpmVerifier(),
                new JenkinsVerifier(),
                new JwtVerifier(),
                new PrivateKeyVerifier(),
                new RedisVerifier(),
                new AmqpVerifier(),
                new BasicAuthUrlVerifier(),
                new StripeVerifier(),
                new SendGridVerifier(),
                new DockerHubVerifier(),
                new DatadogVerifier(),
                new AwsVerifier(),
                new DatabasePasswordVerifier()
        ));
    }

    public Optional<Verifier> forIssuer(String issuer) {
        return Optional.ofNullable(byIssuer.get(issuer));
    }

    /** The issuer's verifier; for a generic credential, the first verifier that recognises its surroundings. */
    public Optional<Verifier> forCredential(Credential credential) {
        Verifier own = byIssuer.get(credential.issuer());
        if (own != null || !GENERIC.equals(credential.issuer())) {
            return Optional.ofNullable(own);
        }
        return byIssuer.values().stream().distinct().filter(v -> claimsSafely(v, credential)).findFirst();
    }

    private static boolean claimsSafely(Verifier v, Credential credential) {
        try {
            return v.claims(credential);
        } catch (RuntimeException e) {
            return false;
        }
    }

    public java.util.Set<String> issuers() {
        return java.util.Set.copyOf(byIssuer.keySet());
    }

    /** Why findings of this issuer stay unknown. */
    public String whyNotVerified(String issuer) {
        String reason = Unverified.REASONS.get(issuer);
        return reason != null ? reason : "no verifier for " + issuer + " credentials";
    }
}
