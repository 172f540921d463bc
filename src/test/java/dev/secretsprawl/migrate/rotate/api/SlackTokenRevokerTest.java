package dev.secretsprawl.migrate.rotate.api;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.secretsprawl.migrate.rotate.AdminAccess;
import dev.secretsprawl.scan.Secret;
import dev.secretsprawl.testing.SyntheticCredentials;
import dev.secretsprawl.verify.Credential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Slack's auth.revoke as documented: HTTP 200 with ok/revoked or an error code; 429 with Retry-After. */
class SlackTokenRevokerTest extends IssuerStandIn {
    private static final String REVOKE = "/api/auth.revoke";
    private final String token = SyntheticCredentials.random().next("slack-bot");
    private final Credential legacy = new Credential("slack", "slack-bot-token", new Secret(token), null, "app.env");
    private final SlackTokenRevoker revoker = new SlackTokenRevoker(calls);

    @Test
    void shouldRevokeTheTokenWithItself() throws Exception {
        issuer.stubFor(post(urlEqualTo(REVOKE)).willReturn(okJson("{\"ok\": true, \"revoked\": true}")));

        revoker.revoke(legacy, AdminAccess.none(), context("slack"));

        issuer.verify(1, postRequestedFor(urlEqualTo(REVOKE)).withHeader("Authorization", equalTo("Bearer " + token)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"invalid_auth", "token_revoked", "token_expired", "account_inactive"})
    void shouldTakeATokenSlackAlreadyRefusesAsRevoked(String error) throws Exception {
        issuer.stubFor(post(urlEqualTo(REVOKE)).willReturn(okJson("{\"ok\": false, \"error\": \"" + error + "\"}")));

        revoker.revoke(legacy, AdminAccess.none(), context("slack"));
    }

    @Test
    void shouldFailOnAnyOtherError() {
        issuer.stubFor(post(urlEqualTo(REVOKE)).willReturn(okJson("{\"ok\": false, \"error\": \"not_allowed_token_type\"}")));

        assertThatThrownBy(() -> revoker.revoke(legacy, AdminAccess.none(), context("slack")))
                .isInstanceOf(IssuerCallException.class).hasMessageContaining("not_allowed_token_type")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(token));
    }

    @Test
    void shouldFailWhenSlackSaysOkButNotRevoked() {
        issuer.stubFor(post(urlEqualTo(REVOKE)).willReturn(okJson("{\"ok\": true, \"revoked\": false}")));

        assertThatThrownBy(() -> revoker.revoke(legacy, AdminAccess.none(), context("slack")))
                .hasMessageContaining("without revoked: true");
    }

    @Test
    void shouldRetryOnceAfterSlacksRateLimit() throws Exception {
        issuer.stubFor(post(urlEqualTo(REVOKE)).inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("calm").willReturn(status(429, "{\"ok\": false, \"error\": \"ratelimited\"}")
                        .withHeader("Retry-After", "7")));
        issuer.stubFor(post(urlEqualTo(REVOKE)).inScenario("limit").whenScenarioStateIs("calm")
                .willReturn(okJson("{\"ok\": true, \"revoked\": true}")));

        revoker.revoke(legacy, AdminAccess.none(), context("slack"));

        assertThat(waits).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void shouldNotWaitLongerThanTheCap() {
        issuer.stubFor(post(urlEqualTo(REVOKE)).willReturn(status(429, "{\"ok\": false, \"error\": \"ratelimited\"}")
                .withHeader("Retry-After", "60")));

        assertThatThrownBy(() -> revoker.revoke(legacy, AdminAccess.none(), context("slack")))
                .hasMessageContaining("retry in about 60 s").satisfies(e -> assertThat(e.getMessage()).doesNotContain(token));
        assertThat(waits).isEmpty();
    }

    @Test
    void shouldFailOnAServerError() {
        issuer.stubFor(post(urlEqualTo(REVOKE)).willReturn(status(503, "upstream down")));

        assertThatThrownBy(() -> revoker.revoke(legacy, AdminAccess.none(), context("slack")))
                .hasMessageContaining("HTTP 503").hasMessageContaining("retry later");
    }

    @Test
    void shouldLeaveWebhooksAppAndRefreshTokensToTheAppSettings() {
        for (String rule : new String[] {"slack-webhook-url", "slack-app-token", "slack-refresh-token"}) {
            assertThat(revoker.cannotRevoke(new Credential("slack", rule, new Secret(token), null, "x"), AdminAccess.none()))
                    .get().asString().contains("app's settings").doesNotContain(token);
        }
        assertThat(revoker.cannotRevoke(legacy, AdminAccess.none())).isEmpty();
    }
}
