package dev.secretsprawl.verify;

import dev.secretsprawl.rules.Severity;
import dev.secretsprawl.scan.Finding;
import dev.secretsprawl.scan.Fingerprint;
import dev.secretsprawl.scan.Location;
import dev.secretsprawl.scan.Secret;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class VerificationServiceTest {
    /** Answers from a function, counting calls and the most calls in flight at once. */
    private static class ScriptedVerifier implements Verifier {
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();
        private final Answer answer;

        interface Answer {
            Verification answer(Credential c) throws Exception;
        }

        ScriptedVerifier(Answer answer) {
            this.answer = answer;
        }

        @Override
        public Set<String> issuers() {
            return Set.of("acme");
        }

        @Override
        public Verification verify(Credential credential, VerifyContext context) throws IOException, InterruptedException {
            calls.incrementAndGet();
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                return answer.answer(credential);
            } catch (IOException | InterruptedException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e);
            } finally {
                inFlight.decrementAndGet();
            }
        }

        @Override
        public String scope(Credential credential) {
            return credential.context().reveal();
        }
    }

    private static Finding finding(String issuer, String value, String hash, String context) {
        return new Finding("acme-token", "Acme token", Severity.HIGH, issuer, new Location("app.env", 1, 1, 1, 10),
                new Secret(value), hash, Fingerprint.of("acme-token", "app.env", hash), null, Map.of(), List.of(),
                new Secret(context));
    }

    private static VerificationService service(Verifier v, int concurrency, Duration timeout) {
        return new VerificationService(new VerifierRegistry(List.of(v)),
                new VerifyContext(Endpoints.defaults(), timeout), new VerificationService.Options(timeout, concurrency, 1000));
    }

    @Test
    void shouldCheckOneCredentialFoundFiveHundredTimesOnce() throws InterruptedException {
        ScriptedVerifier v = new ScriptedVerifier(c -> Verification.live("authenticated as bot"));
        List<Finding> findings = IntStream.range(0, 500).mapToObj(i -> finding("acme", "tok-1", "h1", "")).toList();
        try (VerificationService s = service(v, 4, Duration.ofSeconds(1))) {
            List<Finding> out = s.verifyAll(findings, done -> { });
            assertThat(out).hasSize(500).allSatisfy(f -> assertThat(f.properties())
                    .containsEntry("verification", "live").containsEntry("verificationDetail", "authenticated as bot"));
            assertThat(s.distinctChecks()).isEqualTo(1);
        }
        assertThat(v.calls).hasValue(1);
    }

    @Test
    void shouldCheckTheSamePasswordOnceForEachScope() throws InterruptedException {
        ScriptedVerifier v = new ScriptedVerifier(c -> Verification.dead("rejected"));
        try (VerificationService s = service(v, 2, Duration.ofSeconds(1))) {
            s.verifyAll(List.of(finding("acme", "pw", "h", "host-a"), finding("acme", "pw", "h", "host-b"),
                    finding("acme", "pw", "h", "host-a")), done -> { });
        }
        assertThat(v.calls).hasValue(2);
    }

    @Test
    void shouldNeverHaveMoreChecksInFlightThanTheConcurrency() throws InterruptedException {
        CountDownLatch gate = new CountDownLatch(1);
        ScriptedVerifier v = new ScriptedVerifier(c -> {
            gate.await(200, java.util.concurrent.TimeUnit.MILLISECONDS);   // long enough for the pool to fill up
            return Verification.live("");
        });
        List<Finding> distinct = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            distinct.add(finding("acme", "tok-" + i, "h" + i, ""));
        }
        try (VerificationService s = service(v, 3, Duration.ofSeconds(5))) {
            s.verifyAll(distinct, done -> { });
        }
        assertThat(v.calls).hasValue(12);
        assertThat(v.maxInFlight.get()).isBetween(2, 3);
    }

    @Test
    void shouldSayUnknownNamingOnlyTheKindOfFailure() throws InterruptedException {
        String value = "s3cr3t-" + System.nanoTime();
        ScriptedVerifier v = new ScriptedVerifier(c -> {
            throw new IllegalStateException("driver said: bad password " + c.secret().reveal());
        });
        try (VerificationService s = service(v, 1, Duration.ofSeconds(1))) {
            Verification result = s.verify(Credential.of(finding("acme", value, "h", "")), "h");
            assertThat(result.status()).isEqualTo(Verification.Status.UNKNOWN);
            assertThat(result.detail()).isEqualTo("check failed (IllegalStateException)").doesNotContain(value);
        }
    }

    @Test
    void shouldGiveUpOnACheckThatOutlivesTheTimeout() throws InterruptedException {
        ScriptedVerifier v = new ScriptedVerifier(c -> {
            Thread.sleep(60_000);
            return Verification.live("too late");
        });
        try (VerificationService s = service(v, 1, Duration.ofMillis(100))) {
            Verification result = s.verify(Credential.of(finding("acme", "tok", "h", "")), "h");
            assertThat(result.status()).isEqualTo(Verification.Status.UNKNOWN);
            assertThat(result.detail()).startsWith("no answer within");
        }
    }

    @Test
    void shouldSayWhyAnIssuerWithoutVerifierStaysUnknown() throws InterruptedException {
        ScriptedVerifier v = new ScriptedVerifier(c -> Verification.live(""));
        try (VerificationService s = service(v, 1, Duration.ofSeconds(1))) {
            Verification generic = s.verify(Credential.of(finding("generic", "pw", "h", "")), "h");
            assertThat(generic.status()).isEqualTo(Verification.Status.UNKNOWN);
            assertThat(generic.detail()).isEqualTo(new VerifierRegistry(List.of()).whyNotVerified("generic"));
            assertThat(s.verify(Credential.of(finding("zzz", "pw", "h", "")), "h").detail()).contains("zzz");
        }
        assertThat(v.calls).hasValue(0);
    }

    @Test
    void shouldRouteAGenericPasswordToTheVerifierThatRecognisesItsSurroundings() throws InterruptedException {
        ScriptedVerifier database = new ScriptedVerifier(c -> Verification.dead("authentication failed")) {
            @Override
            public boolean claims(Credential credential) {
                return credential.context().reveal().contains("DB_HOST=");
            }
        };
        try (VerificationService s = service(database, 1, Duration.ofSeconds(1))) {
            assertThat(s.verify(Credential.of(finding("generic", "pw", "h1", "DB_HOST=db.internal\nDB_PASSWORD=pw")), "h1")
                    .status()).isEqualTo(Verification.Status.DEAD);
            assertThat(s.verify(Credential.of(finding("generic", "pw", "h2", "API_PASSWORD=pw")), "h2").status())
                    .isEqualTo(Verification.Status.UNKNOWN);
        }
        assertThat(database.calls).hasValue(1);
    }

    @Test
    void shouldWithholdADetailThatWouldShowTheCredential() throws InterruptedException {
        ScriptedVerifier echo = new ScriptedVerifier(c -> Verification.live("authenticated as " + c.context().reveal()));
        try (VerificationService s = service(echo, 1, Duration.ofSeconds(1))) {
            Verification whole = s.verify(Credential.of(finding("acme", "postgres", "h1", "Postgres at db:5432")), "h1");
            assertThat(whole.status()).isEqualTo(Verification.Status.LIVE);
            assertThat(whole.detail()).isEqualTo("(detail withheld: it would show part of the credential)");
            Verification part = s.verify(Credential.of(finding("acme", "Zq7mW2xLr9Tz4Kp", "h2", "user Lr9Tz4Kp")), "h2");
            assertThat(part.detail()).doesNotContain("Lr9Tz4Kp").startsWith("(detail withheld");
            Verification fine = s.verify(Credential.of(finding("acme", "Zq7mW2xLr9Tz4Kp", "h3", "deploy-bot")), "h3");
            assertThat(fine.detail()).isEqualTo("authenticated as deploy-bot");
        }
    }

    @Test
    void shouldRefuseTwoVerifiersForOneIssuer() {
        ScriptedVerifier a = new ScriptedVerifier(c -> Verification.live(""));
        ScriptedVerifier b = new ScriptedVerifier(c -> Verification.live(""));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new VerifierRegistry(List.of(a, b)))
                .hasMessageContaining("acme");
    }

    @Test
    void shouldKeepTheFindingsOrderAndOtherProperties() throws InterruptedException {
        ScriptedVerifier v = new ScriptedVerifier(c -> c.secret().reveal().endsWith("1")
                ? Verification.dead("rejected") : Verification.live(""));
        Finding first = finding("acme", "tok-1", "h1", "").withProperties(Map.of("commit", "abc"));
        Finding second = finding("acme", "tok-2", "h2", "");
        try (VerificationService s = service(v, 2, Duration.ofSeconds(1))) {
            List<Finding> out = s.verifyAll(List.of(first, second), done -> { });
            assertThat(out.get(0).properties()).containsEntry("commit", "abc").containsEntry("verification", "dead");
            assertThat(out.get(1).properties()).containsEntry("verification", "live").doesNotContainKey("verificationDetail");
        }
    }
}
