package dev.secretsprawl.verify.offline;

import dev.secretsprawl.scan.Secret;
import dev.secretsprawl.verify.Credential;
import dev.secretsprawl.verify.Detected;
import dev.secretsprawl.verify.Verification;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JWT verifier works offline from the token's own claims, so it does not run the five-case contract: a
 * token is never proven live (its issuer may have revoked it), and there is no server to time out or answer
 * oddly. Instead: expired is dead; unexpired, not yet valid, without expiry or undecodable is unknown.
 */
class JwtVerifierTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private final JwtVerifier verifier = new JwtVerifier(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void shouldSayDeadForAnExpiredToken() {
        Verification v = check(token("{\"alg\":\"HS256\",\"typ\":\"JWT\"}",
                "{\"sub\":\"svc-billing\",\"iss\":\"auth.internal\",\"exp\":" + NOW.minusSeconds(86_400).getEpochSecond() + "}"));

        assertThat(v.status()).isEqualTo(Verification.Status.DEAD);
        assertThat(v.detail()).startsWith("expired at 2026-05-31T12:00:00Z").contains("issuer auth.internal", "subject svc-billing");
    }

    @Test
    void shouldSayDeadForATokenExpiringThisVerySecond() {
        Verification v = check(token("{\"alg\":\"HS256\"}", "{\"sub\":\"svc\",\"exp\":" + NOW.getEpochSecond() + "}"));

        assertThat(v.status()).isEqualTo(Verification.Status.DEAD);
    }

    @Test
    void shouldSayUnknownForATokenNotYetExpired() {
        Verification v = check(token("{\"alg\":\"RS256\",\"kid\":\"k1\"}",
                "{\"sub\":\"deployer\",\"exp\":" + NOW.plusSeconds(3600).getEpochSecond() + "}"));

        assertThat(v.status()).isEqualTo(Verification.Status.UNKNOWN);
        assertThat(v.detail()).startsWith("not expired (expires 2026-06-01T13:00:00Z); only its issuer can tell if it is revoked");
    }

    @Test
    void shouldSayUnknownForATokenNotValidYet() {
        Verification v = check(token("{\"alg\":\"HS256\"}", "{\"sub\":\"svc\",\"nbf\":" + NOW.plusSeconds(60).getEpochSecond()
                + ",\"exp\":" + NOW.plusSeconds(7200).getEpochSecond() + "}"));

        assertThat(v.status()).isEqualTo(Verification.Status.UNKNOWN);
        assertThat(v.detail()).startsWith("not valid before 2026-06-01T12:01:00Z");
    }

    @Test
    void shouldSayUnknownForATokenWithoutExpiry() {
        Verification v = check(token("{\"alg\":\"HS256\"}", "{\"sub\":\"svc-reporting\",\"scope\":\"read\"}"));

        assertThat(v.status()).isEqualTo(Verification.Status.UNKNOWN);
        assertThat(v.detail()).startsWith("no expiry: only its issuer can tell");
    }

    @Test
    void shouldSayUnknownNotDeadForATokenWhoseHeaderIsNotJson() {
        Verification v = check(token("{\"alg\":\"HS256\",\"typ\":", "{\"sub\":\"svc\",\"exp\":1}"));

        assertThat(v.status()).isEqualTo(Verification.Status.UNKNOWN);
        assertThat(v.detail()).isEqualTo("not a decodable JWT: its header is not JSON");
    }

    @Test
    void shouldSayUnknownNotDeadForAnExpiryThatIsNotANumber() {
        Verification v = check(token("{\"alg\":\"HS256\"}", "{\"sub\":\"svc\",\"exp\":\"yesterday\"}"));

        assertThat(v.status()).isEqualTo(Verification.Status.UNKNOWN);
        assertThat(v.detail()).isEqualTo("not a decodable JWT: its \"exp\" claim is not a number of seconds");
    }

    @Test
    void shouldSayUnknownForAValueThatIsNotThreeParts() {
        Verification v = verifier.verify(new Credential("jwt", "jwt", new Secret("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0"), null, "x"), null);

        assertThat(v.status()).isEqualTo(Verification.Status.UNKNOWN);
        assertThat(v.detail()).startsWith("not a decodable JWT");
    }

    @Test
    void shouldWarnThatAnUnsignedTokenCanBeForged() {
        Verification v = check(token("{\"alg\":\"none\"}", "{\"sub\":\"admin\",\"exp\":" + NOW.plusSeconds(60).getEpochSecond() + "}"));

        assertThat(v.status()).isEqualTo(Verification.Status.UNKNOWN);
        assertThat(v.detail()).contains("unsigned (alg none)");
    }

    @Test
    void shouldAnswerTheSameThroughTheStandardRegistry() throws Exception {
        Credential credential = credential(token("{\"alg\":\"HS256\"}", "{\"sub\":\"svc\",\"exp\":1700000000}"));

        assertThat(dev.secretsprawl.verify.VerifierRegistry.standard().forIssuer("jwt")).containsInstanceOf(JwtVerifier.class);
        assertThat(new JwtVerifier().verify(credential, null).status()).isEqualTo(Verification.Status.DEAD);
    }

    /** Runs the verifier on the finding the bundled "jwt" rule makes of the token in a config file. */
    private Verification check(String token) {
        Credential credential = credential(token);
        Verification v = verifier.verify(credential, null);
        for (String part : token.split("\\.")) {
            assertThat(v.detail()).as("detail must not quote the token").doesNotContain(part);
        }
        return v;
    }

    private static Credential credential(String token) {
        return Detected.credential("config/client.env", "# service client\nAUTH_HEADER=Bearer " + token + "\n", "jwt");
    }

    /** A signed-looking token: the signature is random, as no key is checked. */
    private static String token(String header, String payload) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        byte[] signature = new byte[32];
        TestKeys.RANDOM.nextBytes(signature);
        return b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + b64.encodeToString(signature);
    }
}
