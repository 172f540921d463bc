package dev.secretsprawl.migrate.rotate;

import dev.secretsprawl.scan.Secret;
import dev.secretsprawl.verify.Credential;
import dev.secretsprawl.verify.VerifyContext;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * Replaces a legacy credential at its issuer: a database role's password through an admin connection, a
 * GitLab token through its rotate API. The runner stores a proposed value in the store <em>before</em> calling
 * {@link #rotate}, so a crash between the two loses nothing; {@link #rotate} must therefore be idempotent for
 * the same proposed value.
 */
public interface Rotator {
    /** The rule issuers this rotator answers for ({@code issuer = "..."} in the rule pack). */
    Set<String> issuers();

    /** For a credential whose rule names no issuer (a generic password): whether its surroundings make it ours. */
    default boolean claims(Credential legacy) {
        return false;
    }

    /**
     * Why this credential cannot be rotated here (no admin connection for its issuer, no user written next
     * to it), or empty when it can. Never contacts the issuer.
     */
    Optional<String> cannotRotate(Credential legacy, AdminAccess admin);

    /**
     * A new value the issuer will accept, chosen by us (a password), or empty when the issuer makes the new
     * value itself (an API that returns a fresh token).
     */
    Optional<Secret> propose(Credential legacy);

    /**
     * Makes the issuer accept the new value and returns it: PROPOSED when {@link #propose} gave one (the same
     * proposed value twice is one rotation), else the value the issuer returned.
     */
    Secret rotate(Credential legacy, Optional<Secret> proposed, AdminAccess admin, VerifyContext context)
            throws IOException, InterruptedException;

    /** True when rotating already makes the legacy value useless (a changed password), so no revoke call is needed. */
    default boolean rotationRevokesLegacy() {
        return true;
    }
}
