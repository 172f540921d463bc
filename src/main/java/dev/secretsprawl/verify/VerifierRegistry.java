package dev.secretsprawl.verify;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The explicit list of verifiers, and for every other issuer of the rule pack the reason it has none
 * (a test fails when an issuer has neither).
 */
public final class VerifierRegistry {
    private final Map<String, Verifier> byIssuer = new HashMap<>();

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
                new dev.secretsprawl.verify.vendors.StripeVerifier(),
                new dev.secretsprawl.verify.vendors.SendGridVerifier(),
                new dev.secretsprawl.verify.vendors.DockerHubVerifier(),
                new dev.secretsprawl.verify.vendors.DatadogVerifier(),
                new dev.secretsprawl.verify.vendors.AwsVerifier()
        ));
    }

    public Optional<Verifier> forIssuer(String issuer) {
        return Optional.ofNullable(byIssuer.get(issuer));
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
