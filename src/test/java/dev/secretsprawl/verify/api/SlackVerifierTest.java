package dev.secretsprawl.verify.api;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.secretsprawl.verify.Credential;
import dev.secretsprawl.verify.Detected;
import dev.secretsprawl.verify.Http;
import dev.secretsprawl.verify.Verification;
import dev.secretsprawl.verify.Verifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class SlackVerifierTest extends ApiVerifierTest {
    /** Slack's documented auth.test success answer. */
    private static final String OK = """
            {"ok": true, "url": "https://subarachnoid.slack.com/", "team": "Subarachnoid Workspace", "user": "grace",
             "team_id": "T12345678", "user_id": "W12345678"}""";

    private final String token = synthetic.next("slack-bot");

    @Override
    String issuerName() {
        return "slack";
    }

    @Override
    protected Verifier verifier() {
        return new SlackVerifier();
    }

    private Credential bot() {
        return Detected.credential("app.env", "SLACK_BOT_TOKEN=" + token + "\n", "slack-bot-token");
    }

    private void answer(ResponseDefinitionBuilder response) {
        issuer.stubFor(post(urlEqualTo("/api/auth.test")).withHeader("Authorization", equalTo("Bearer " + token)).willReturn(response));
    }

    private static String error(String code) {
        return "{\"ok\": false, \"error\": \"" + code + "\"}";
    }

    @Override
    protected Case live() {
        answer(okJson(OK));
        return patient(bot());
    }

    @Override
    protected Case dead() {
        answer(okJson(error("token_revoked")));
        return patient(bot());
    }

    @Override
    protected Case timeout() {
        answer(okJson(OK).withFixedDelay(SLOW_MILLIS));
        return impatient(bot());
    }

    @Override
    protected Case unexpected() {
        answer(aResponse().withStatus(200).withBody("<html>maintenance</html>"));
        return patient(bot());
    }

    @Override
    protected Case notFound() {
        answer(aResponse().withStatus(404).withBody("not found"));
        return patient(bot());
    }

    @Test
    void shouldNameTheWorkspaceAndUserAndSendOurUserAgent() throws Exception {
        assertThat(check(live())).isEqualTo(Verification.live("workspace Subarachnoid Workspace, as grace"));
        issuer.verify(postRequestedFor(urlEqualTo("/api/auth.test")).withHeader("User-Agent", equalTo(Http.USER_AGENT)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"account_inactive", "token_revoked", "token_expired"})
    void shouldSayDeadForEachDocumentedRejection(String code) throws Exception {
        answer(okJson(error(code)));

        assertThat(verify(bot())).isEqualTo(Verification.dead("Slack rejected the token (" + code + ")"));
    }

    @Test
    void shouldSayUnknownForInvalidAuthAsSlackAlsoAnswersItToADisallowedIpAddress() throws Exception {
        answer(okJson(error("invalid_auth")));

        assertThat(verify(bot())).isEqualTo(Verification.unknown(
                "Slack could not validate the token (invalid_auth): either the token is invalid or it may not be used from this IP address"));
    }

    @Test
    void shouldSayUnknownWhenRateLimitedEitherWay() throws Exception {
        answer(okJson(error("ratelimited")));
        assertThat(verify(bot()).status()).isEqualTo(Verification.Status.UNKNOWN);

        answer(aResponse().withStatus(429).withHeader("Retry-After", "30"));
        assertThat(verify(bot()).status()).isEqualTo(Verification.Status.UNKNOWN);
    }

    @Test
    void shouldSayUnknownForAnErrorThatIsNotARejection() throws Exception {
        answer(okJson(error("team_access_not_granted")));

        assertThat(verify(bot())).isEqualTo(Verification.unknown(
                "Slack answered an error auth.test does not document as a rejection (team_access_not_granted)"));
    }

    @Test
    void shouldSayUnknownWhenSlackSawNoToken() throws Exception {
        answer(okJson(error("not_authed")));

        assertThat(verify(bot()).status()).isEqualTo(Verification.Status.UNKNOWN);
    }

    @Test
    void shouldNeverPostToAWebhook() throws Exception {
        String hook = synthetic.next("slack-webhook");

        Verification v = verify(Detected.credential("notify.sh", "SLACK_WEBHOOK_URL=" + hook + "\n", "slack-webhook-url"));

        assertThat(v).isEqualTo(Verification.unknown("no safe check for webhooks: the only test is posting a message to the channel"));
        issuer.verify(0, anyRequestedFor(anyUrl()));
    }
}
