package dev.secretsprawl.migrate.rotate.api;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.secretsprawl.migrate.rotate.AdminAccess;
import dev.secretsprawl.migrate.rotate.IssuerActions;
import dev.secretsprawl.scan.Secret;
import dev.secretsprawl.testing.SyntheticCredentials;
import dev.secretsprawl.verify.Credential;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** GitHub's credential revocation API as documented: unauthenticated POST, 202, 422, 500, rate limits. */
class GitHubTokenRevokerTest extends IssuerStandIn {
    private static final String REVOKE = "/credentials/revoke";
    private final String token = SyntheticCredentials.random().next("github-pat");
    private final Credential legacy = new Credential("github", "github-pat-classic", new Secret(token), null, "ci.yml");
    private final GitHubTokenRevoker revoker = new GitHubTokenRevoker(calls);

    @Test
    void shouldSendTheTokenUnauthenticatedAndAcceptA202() throws Exception {
        issuer.stubFor(post(urlEqualTo(REVOKE)).willReturn(status(202, "")));

        revoker.revoke(legacy, AdminAccess.none(), context("github"));

        issuer.verify(1, postRequestedFor(urlEqualTo(REVOKE)).withHeader("Authorization", absent())
                .withRequestBody(equalToJson("{\"credentials\": [\"" + token + "\"]}")));
    }

    @Test
    void shouldTakeAnAlreadyRevokedTokenAsSuccess() throws Exception {
        // GitHub accepts a revoked token again with the same 202: revocation is idempotent
        issuer.stubFor(post(urlEqualTo(REVOKE)).willReturn(status(202, "")));

        revoker.revoke(legacy, AdminAccess.none(), context("github"));
        revoker.revoke(legacy, AdminAccess.none(), context("github"));

        issuer.verify(2, postRequestedFor(urlEqualTo(REVOKE)));
    }

    @Test
    void shouldTellTheUserToRetryWhenGitHubRefusesOrFails() {
        issuer.stubFor(post(urlEqualTo(REVOKE)).willReturn(status(422,
                "{\"message\": \"Validation Failed\", \"errors\": [\"" + token + "\"], \"documentation_url\": \"x\"}")));
        assertThatThrownBy(() -> revoker.revoke(legacy, AdminAccess.none(), context("github")))
                .isInstanceOf(IssuerCallException.class).hasMessageContaining("422").hasMessageContaining("retry later")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(token));

        issuer.resetAll();
        issuer.stubFor(post(urlEqualTo(REVOKE)).willReturn(status(500, "{\"message\": \"Internal Error\"}")));
        assertThatThrownBy(() -> revoker.revoke(legacy, AdminAccess.none(), context("github")))
                .hasMessageContaining("HTTP 500").hasMessageContaining("retry later");
    }

    @Test
    void shouldRetryOnceWhenRateLimitedForAShortWhile() throws Exception {
        issuer.stubFor(post(urlEqualTo(REVOKE)).inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("calm").willReturn(status(429, "{}").withHeader("retry-after", "5")));
        issuer.stubFor(post(urlEqualTo(REVOKE)).inScenario("limit").whenScenarioStateIs("calm").willReturn(status(202, "")));

        revoker.revoke(legacy, AdminAccess.none(), context("github"));

        assertThat(waits).containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void shouldNotWaitAnHourForTheHourlyLimit() {
        long reset = NOW.plus(Duration.ofMinutes(40)).getEpochSecond();
        issuer.stubFor(post(urlEqualTo(REVOKE)).willReturn(status(403, "{\"message\": \"API rate limit exceeded\"}")
                .withHeader("x-ratelimit-remaining", "0").withHeader("x-ratelimit-reset", Long.toString(reset))));

        assertThatThrownBy(() -> revoker.revoke(legacy, AdminAccess.none(), context("github")))
                .hasMessageContaining("rate limited").hasMessageContaining("retry after 03:40 UTC")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(token));
        assertThat(waits).isEmpty();
    }

    @Test
    void shouldRevokeOnlyPersonalAccessTokens() {
        Credential installation = new Credential("github", "github-installation-token", new Secret(token), null, "x");

        assertThat(revoker.cannotRevoke(legacy, AdminAccess.none())).isEmpty();
        assertThat(revoker.cannotRevoke(new Credential("github", "github-fine-grained-pat", new Secret(token), null, "x"),
                AdminAccess.none())).isEmpty();
        assertThat(revoker.cannotRevoke(installation, AdminAccess.none())).get().asString()
                .contains("personal access tokens").doesNotContain(token);
        issuer.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void shouldBeTheStandardRevokerOfGitHubSlackAndGitLab() {
        IssuerActions standard = IssuerActions.standard();

        assertThat(standard.revoker(legacy)).get().isInstanceOf(GitHubTokenRevoker.class);
        assertThat(standard.revoker(new Credential("slack", "slack-bot-token", new Secret("x"), null, "x")))
                .get().isInstanceOf(SlackTokenRevoker.class);
        Credential gitlab = new Credential("gitlab", "gitlab-pat", new Secret("x"), null, "x");
        assertThat(standard.revoker(gitlab)).get().isInstanceOf(GitLabTokenRevoker.class);
        assertThat(standard.rotator(gitlab)).get().isInstanceOf(GitLabTokenRotator.class);
    }
}
