package dev.secretsprawl.migrate.rotate;

import dev.secretsprawl.verify.Credential;
import dev.secretsprawl.verify.VerifyContext;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * Kills a legacy credential at its issuer (GitHub's credential revocation API, Slack {@code auth.revoke},
 * Vault token revoke, GitLab token revoke). Runs only after the replacement is stored and live, and must be
 * idempotent: revoking a dead credential again is success.
 */
public interface Revoker {
    Set<String> issuers();

    /** Why this credential cannot be revoked here, or empty when it can. Never contacts the issuer. */
    Optional<String> cannotRevoke(Credential legacy, AdminAccess admin);

    void revoke(Credential legacy, AdminAccess admin, VerifyContext context) throws IOException, InterruptedException;
}
