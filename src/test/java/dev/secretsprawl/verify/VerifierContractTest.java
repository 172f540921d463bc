package dev.secretsprawl.verify;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The five standard cases every verifier answers, run through {@link VerificationService} as a scan would:
 * a working credential is live; a rejected one is dead; a server that does not answer in time, an
 * unexpected answer and a missing account or missing part are unknown, never dead. No answer's detail
 * may hold the secret. Each verifier's test extends this and supplies the cases.
 */
public abstract class VerifierContractTest {
    /** A credential and the context (endpoints, timeout) to check it with. */
    protected record Case(Credential credential, VerifyContext context) {
        /** Public so tests of verifiers in sub-packages can build cases (a record's constructor is otherwise protected). */
        public Case {
        }
    }

    protected abstract Verifier verifier();

    /** A credential the server accepts. */
    protected abstract Case live() throws Exception;

    /** A credential the server definitely rejects. */
    protected abstract Case dead() throws Exception;

    /** The server (or a stand-in at its address) does not answer within the context's timeout. */
    protected abstract Case timeout() throws Exception;

    /** The server answers something the issuer's documentation does not describe (a 5xx, a changed body). */
    protected abstract Case unexpected() throws Exception;

    /** The account, user or a part the check needs is missing (no host next to a password, a 404...). */
    protected abstract Case notFound() throws Exception;

    protected Verification check(Case c) throws InterruptedException {
        try (VerificationService service = new VerificationService(new VerifierRegistry(List.of(verifier())), c.context(),
                new VerificationService.Options(c.context().timeout(), 1, 1000))) {
            return service.verify(c.credential(), "hash-" + System.nanoTime());
        }
    }

    private Verification checked(Case c) throws InterruptedException {
        Verification v = check(c);
        assertThat(v.detail()).as("detail must never hold the secret").doesNotContain(c.credential().secret().reveal());
        return v;
    }

    @Test
    void shouldSayLiveForAWorkingCredential() throws Exception {
        assertThat(checked(live()).status()).isEqualTo(Verification.Status.LIVE);
    }

    @Test
    void shouldSayDeadForARejectedCredential() throws Exception {
        assertThat(checked(dead()).status()).isEqualTo(Verification.Status.DEAD);
    }

    @Test
    void shouldSayUnknownWhenTheServerDoesNotAnswerInTime() throws Exception {
        Verification v = checked(timeout());
        assertThat(v.status()).isEqualTo(Verification.Status.UNKNOWN);
        assertThat(v.detail()).isNotBlank();
    }

    @Test
    void shouldSayUnknownForAnUnexpectedAnswer() throws Exception {
        Verification v = checked(unexpected());
        assertThat(v.status()).isEqualTo(Verification.Status.UNKNOWN);
        assertThat(v.detail()).isNotBlank();
    }

    @Test
    void shouldSayUnknownWhenSomethingIsNotFound() throws Exception {
        Verification v = checked(notFound());
        assertThat(v.status()).isEqualTo(Verification.Status.UNKNOWN);
        assertThat(v.detail()).isNotBlank();
    }
}
