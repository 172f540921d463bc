package dev.secretsprawl.migrate;

import dev.secretsprawl.migrate.rotate.AdminAccess;
import dev.secretsprawl.migrate.rotate.Rotator;
import dev.secretsprawl.scan.Secret;
import dev.secretsprawl.verify.Credential;
import dev.secretsprawl.verify.Verification;
import dev.secretsprawl.verify.VerifyContext;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An issuer that accepts exactly one password at a time, like a database role: the runner's rotator changes
 * it, the verifier asks it. Counts rotations so tests see a step done twice.
 */
final class FakeIssuer implements Rotator, MigrationRunner.Verifying {
    private volatile String valid;
    final AtomicInteger rotations = new AtomicInteger();
    final AtomicInteger verifications = new AtomicInteger();
    /** Issues the new value itself (propose() is empty), like GitLab's rotate API. */
    volatile boolean issues;
    /** Refuses every rotation, like an admin login without the right to alter the role. */
    volatile boolean refuses;

    FakeIssuer(String valid) {
        this.valid = valid;
    }

    static String password() {
        byte[] b = new byte[16];
        new SecureRandom().nextBytes(b);
        return "Pw" + HexFormat.of().formatHex(b);
    }

    /** Its owner replaces the password by hand (a re-issue outside sprawl). */
    void reissuedByOwner(String value) {
        valid = value;
    }

    boolean accepts(String value) {
        return value.equals(valid);
    }

    @Override
    public Set<String> issuers() {
        return Set.of();
    }

    @Override
    public boolean claims(Credential legacy) {
        return true;
    }

    @Override
    public Optional<String> cannotRotate(Credential legacy, AdminAccess admin) {
        return admin.has("fake") ? Optional.empty() : Optional.of("needs --admin fake=URI");
    }

    @Override
    public Optional<Secret> propose(Credential legacy) {
        return issues ? Optional.empty() : Optional.of(new Secret(password()));
    }

    @Override
    public Secret rotate(Credential legacy, Optional<Secret> proposed, AdminAccess admin, VerifyContext context)
            throws IOException {
        if (refuses) {
            throw new IOException("permission denied to alter role app");
        }
        rotations.incrementAndGet();
        Secret next = issues ? new Secret(password()) : proposed.orElseThrow();
        valid = next.reveal();
        return next;
    }

    @Override
    public Verification verify(Credential credential, String secretHash) {
        verifications.incrementAndGet();
        return accepts(credential.secret().reveal()) ? Verification.live("app@fake") : Verification.dead("rejected");
    }
}
