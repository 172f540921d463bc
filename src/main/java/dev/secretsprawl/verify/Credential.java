package dev.secretsprawl.verify;

import dev.secretsprawl.scan.Finding;
import dev.secretsprawl.scan.Secret;

/**
 * What a verifier gets: the secret, the rule that found it, and the text around it (the lines before and
 * after, as a {@link Secret} because it may hold other credentials) where a verifier finds the parts that
 * travel with the secret: the host and user of a database password, the key id of an AWS secret key,
 * the Jenkins URL of an API token.
 */
public record Credential(String issuer, String ruleId, Secret secret, Secret context, String path) {
    public Credential {
        context = context == null ? new Secret("") : context;
    }

    public static Credential of(Finding finding) {
        return new Credential(finding.issuer(), finding.ruleId(), finding.secret(), finding.context(),
                finding.location().path());
    }
}
