package dev.secretsprawl.migrate.rotate.api;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.secretsprawl.migrate.rotate.AdminAccess;
import dev.secretsprawl.scan.Secret;
import dev.secretsprawl.testing.SyntheticCredentials;
import dev.secretsprawl.verify.Credential;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** GitLab's self-rotate and self-revoke of an access token, as documented: 200 with the new token, 204, 401, 403, 429. */
class GitLabTokenRotatorTest extends IssuerStandIn {
    private static final String SELF = "/api/v4/personal_access_tokens/self";
    private final SyntheticCredentials synthetic = SyntheticCredentials.random();
    private final String token = synthetic.next("gitlab-pat");
    private final String fresh = synthetic.next("gitlab-pat");
    private final Credential legacy = new Credential("gitlab", "gitlab-pat", new Secret(token), null, ".gitlab-ci.yml");
    private final GitLabTokenRotator rotator = new GitLabTokenRotator(calls);
    private final GitLabTokenRevoker revoker = new GitLabTokenRevoker(calls);
    private final String nextYear = LocalDate.now(ZoneOffset.UTC).plusYears(1).toString();

    private static String tokenJson(String expiresAt, String newToken) {
        return """
                {"id": 42, "name": "ci-push", "revoked": false, "created_at": "2026-01-04T10:00:00.000Z",
                 "description": "", "scopes": ["api"], "user_id": 3, "last_used_at": null, "active": true,
                 "expires_at": %s%s}""".formatted(expiresAt == null ? "null" : "\"" + expiresAt + "\"",
                newToken == null ? "" : ", \"token\": \"" + newToken + "\"");
    }

    @Test
    void shouldRotateTheTokenWithItselfKeepingItsExpiry() throws Exception {
        issuer.stubFor(get(urlEqualTo(SELF)).withHeader("PRIVATE-TOKEN", equalTo(token)).willReturn(okJson(tokenJson(nextYear, null))));
        issuer.stubFor(post(urlEqualTo(SELF + "/rotate?expires_at=" + nextYear)).withHeader("PRIVATE-TOKEN", equalTo(token))
                .willReturn(okJson(tokenJson(nextYear, fresh))));

        Secret rotated = rotator.rotate(legacy, Optional.empty(), AdminAccess.none(), context("gitlab"));

        assertThat(rotated.reveal()).isEqualTo(fresh);
        assertThat(rotated.toString()).doesNotContain(fresh);
        assertThat(rotator.propose(legacy)).isEmpty();
        assertThat(rotator.rotationRevokesLegacy()).isTrue();
    }

    @Test
    void shouldLetGitLabChooseTheExpiryWhenTheOldOneIsRefused() throws Exception {
        issuer.stubFor(get(urlEqualTo(SELF)).willReturn(okJson(tokenJson(nextYear, null))));
        issuer.stubFor(post(urlEqualTo(SELF + "/rotate?expires_at=" + nextYear)).willReturn(status(400,
                "{\"message\": \"400 Bad request - Expiration date is invalid\"}")));
        issuer.stubFor(post(urlEqualTo(SELF + "/rotate")).willReturn(okJson(tokenJson("2026-12-07", fresh))));

        assertThat(rotator.rotate(legacy, Optional.empty(), AdminAccess.none(), context("gitlab")).reveal()).isEqualTo(fresh);
        issuer.verify(2, postRequestedFor(anyUrl()));
    }

    @Test
    void shouldRotateWithoutAnExpiryForATokenThatNeverExpires() throws Exception {
        issuer.stubFor(get(urlEqualTo(SELF)).willReturn(okJson(tokenJson(null, null))));
        issuer.stubFor(post(urlEqualTo(SELF + "/rotate")).willReturn(okJson(tokenJson("2026-12-07", fresh))));

        assertThat(rotator.rotate(legacy, Optional.empty(), AdminAccess.none(), context("gitlab")).reveal()).isEqualTo(fresh);
    }

    @Test
    void shouldExplainARefusedRotationWithoutEitherToken() {
        issuer.stubFor(get(urlEqualTo(SELF)).willReturn(status(401, "{\"message\": \"401 Unauthorized\"}")));
        issuer.stubFor(post(urlEqualTo(SELF + "/rotate")).willReturn(status(401, "{\"message\": \"401 Unauthorized\"}")));
        assertThatThrownBy(() -> rotator.rotate(legacy, Optional.empty(), AdminAccess.none(), context("gitlab")))
                .isInstanceOf(IssuerCallException.class).hasMessageContaining("revoked or expired already")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(token));

        issuer.resetAll();
        issuer.stubFor(get(urlEqualTo(SELF)).willReturn(status(403, "{\"error\": \"insufficient_scope\"}")));
        issuer.stubFor(post(urlEqualTo(SELF + "/rotate")).willReturn(status(403, "{\"error\": \"insufficient_scope\"}")));
        assertThatThrownBy(() -> rotator.rotate(legacy, Optional.empty(), AdminAccess.none(), context("gitlab")))
                .hasMessageContaining("api or self_rotate scope");
    }

    @Test
    void shouldFailWhenTheAnswerHoldsNoNewToken() {
        issuer.stubFor(get(urlEqualTo(SELF)).willReturn(okJson(tokenJson(null, null))));
        issuer.stubFor(post(urlEqualTo(SELF + "/rotate")).willReturn(okJson(tokenJson(null, null))));

        assertThatThrownBy(() -> rotator.rotate(legacy, Optional.empty(), AdminAccess.none(), context("gitlab")))
                .hasMessageContaining("without the documented new token");
    }

    @Test
    void shouldRetryTheRotationOnceAfterARateLimit() throws Exception {
        issuer.stubFor(get(urlEqualTo(SELF)).willReturn(okJson(tokenJson(null, null))));
        issuer.stubFor(post(urlEqualTo(SELF + "/rotate")).inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("calm").willReturn(status(429, "Retry later").withHeader("Retry-After", "4")));
        issuer.stubFor(post(urlEqualTo(SELF + "/rotate")).inScenario("limit").whenScenarioStateIs("calm")
                .willReturn(okJson(tokenJson(null, fresh))));

        assertThat(rotator.rotate(legacy, Optional.empty(), AdminAccess.none(), context("gitlab")).reveal()).isEqualTo(fresh);
        assertThat(waits).containsExactly(Duration.ofSeconds(4));
    }

    @Test
    void shouldRevokeTheTokenWithItself() throws Exception {
        issuer.stubFor(delete(urlEqualTo(SELF)).willReturn(status(204, "")));

        revoker.revoke(legacy, AdminAccess.none(), context("gitlab"));

        issuer.verify(1, deleteRequestedFor(urlEqualTo(SELF)).withHeader("PRIVATE-TOKEN", equalTo(token)));
    }

    @Test
    void shouldTakeARejectedTokenAsRevokedAlready() throws Exception {
        issuer.stubFor(delete(urlEqualTo(SELF)).willReturn(status(401, "{\"message\": \"401 Unauthorized\"}")));

        revoker.revoke(legacy, AdminAccess.none(), context("gitlab"));
    }

    @Test
    void shouldExplainARefusedRevocation() {
        issuer.stubFor(delete(urlEqualTo(SELF)).willReturn(status(403, "{\"error\": \"insufficient_scope\"}")));

        assertThatThrownBy(() -> revoker.revoke(legacy, AdminAccess.none(), context("gitlab")))
                .hasMessageContaining("403").satisfies(e -> assertThat(e.getMessage()).doesNotContain(token));
    }

    @Test
    void shouldRetryTheRevocationOnceThenGiveUp() {
        issuer.stubFor(delete(urlEqualTo(SELF)).willReturn(status(429, "Retry later").withHeader("Retry-After", "2")));

        assertThatThrownBy(() -> revoker.revoke(legacy, AdminAccess.none(), context("gitlab")))
                .hasMessageContaining("rate limited");
        assertThat(waits).containsExactly(Duration.ofSeconds(2));
        issuer.verify(2, deleteRequestedFor(urlEqualTo(SELF)));
    }

    @Test
    void shouldActOnlyOnAccessTokens() {
        Credential runner = new Credential("gitlab", "gitlab-runner-auth-token", new Secret(token), null, "x");

        assertThat(rotator.cannotRotate(runner, AdminAccess.none())).get().asString().contains("glpat-").doesNotContain(token);
        assertThat(revoker.cannotRevoke(runner, AdminAccess.none())).isPresent();
        assertThat(rotator.cannotRotate(legacy, AdminAccess.none())).isEmpty();
        issuer.verify(0, anyRequestedFor(anyUrl()));
    }
}
