package dev.secretsprawl.verify.vendors;

import dev.secretsprawl.verify.Credential;
import dev.secretsprawl.verify.Detected;
import dev.secretsprawl.verify.Http;
import dev.secretsprawl.verify.Verification;
import dev.secretsprawl.verify.Verifier;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class StripeVerifierTest extends VendorWireMockTest {
    private static final String BALANCE = """
            {"object": "balance", "available": [{"amount": 0, "currency": "usd", "source_types": {"card": 0}}],
             "livemode": %s, "pending": [{"amount": 0, "currency": "usd", "source_types": {"card": 0}}]}""";
    private static final String INVALID_KEY = """
            {"error": {"message": "Invalid API Key provided: sk_live_********", "type": "invalid_request_error"}}""";
    private static final String NO_PERMISSION = """
            {"error": {"message": "The provided key does not have the required permissions for this endpoint.", "type": "invalid_request_error"}}""";

    @Override
    protected Verifier verifier() {
        return new StripeVerifier();
    }

    @Override
    protected String issuer() {
        return "stripe";
    }

    private Credential liveSecretKey() {
        return Detected.credential("config/.env", "STRIPE_SECRET_KEY=" + synthetic.next("stripe-live") + "\n", "stripe-live-secret-key");
    }

    private Credential restrictedKey() {
        return Detected.credential("config/.env", "STRIPE_RESTRICTED_KEY=" + synthetic.next("stripe-restricted") + "\n",
                "stripe-live-restricted-key");
    }

    private static String basic(Credential c) {
        return "Basic " + Base64.getEncoder().encodeToString((c.secret().reveal() + ":").getBytes(StandardCharsets.UTF_8));
    }

    private void answer(Credential c, int status, String body) {
        wm.stubFor(get(urlPathEqualTo("/v1/balance")).withHeader("Authorization", equalTo(basic(c)))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
    }

    @Override
    protected Case live() {
        Credential key = liveSecretKey();
        answer(key, 200, BALANCE.formatted("true"));
        return at(key);
    }

    @Override
    protected Case dead() {
        Credential key = liveSecretKey();
        answer(key, 401, INVALID_KEY);
        return at(key);
    }

    @Override
    protected Case timeout() {
        Credential key = liveSecretKey();
        wm.stubFor(get(urlPathEqualTo("/v1/balance")).willReturn(okJson(BALANCE.formatted("true")).withFixedDelay(SLOW_MILLIS)));
        return new Case(key, impatientContext());
    }

    @Override
    protected Case unexpected() {
        Credential key = liveSecretKey();
        answer(key, 200, "{\"object\": \"list\", \"data\": []}");
        return at(key);
    }

    @Override
    protected Case notFound() {
        Credential key = liveSecretKey();
        answer(key, 404, "{\"error\": {\"type\": \"invalid_request_error\", \"message\": \"Unrecognized request URL (GET: /v1/balance).\"}}");
        return at(key);
    }

    @Test
    void shouldSendTheKeyAsBasicUserWithOurUserAgentAndNameTheMode() throws Exception {
        Case c = live();

        Verification v = check(c);

        assertThat(v.detail()).isEqualTo("live-mode secret key; it can read the account balance");
        wm.verify(getRequestedFor(urlPathEqualTo("/v1/balance")).withHeader("Authorization", equalTo(basic(c.credential())))
                .withHeader("User-Agent", equalTo(Http.USER_AGENT)));
    }

    @Test
    void shouldSayLiveForARestrictedKeyRefusedTheBalanceAfterAuthenticating() throws Exception {
        Credential key = restrictedKey();
        answer(key, 403, NO_PERMISSION);

        Verification v = check(at(key));

        assertThat(v.status()).isEqualTo(Verification.Status.LIVE);
        assertThat(v.detail()).contains("live-mode restricted key");
    }

    @Test
    void shouldNameTestModeKeys() throws Exception {
        Credential key = Detected.credential("app.py", "stripe.api_key = 'sk_test_" + synthetic.base62(40) + "'\n",
                "stripe-test-secret-key");
        answer(key, 200, BALANCE.formatted("false"));

        assertThat(check(at(key)).detail()).startsWith("test-mode secret key");
    }

    @Test
    void shouldSayUnknownWhenRateLimited() throws Exception {
        Credential key = liveSecretKey();
        answer(key, 429, "{\"error\": {\"type\": \"rate_limit_error\"}}");

        Verification v = check(at(key));

        assertThat(v.status()).isEqualTo(Verification.Status.UNKNOWN);
        assertThat(v.detail()).contains("429");
    }

    @Test
    void shouldNotCallStripeForAWebhookSigningSecret() throws Exception {
        Credential secret = Detected.credential(".env", "STRIPE_WEBHOOK_SECRET=whsec_" + synthetic.base62(32) + "\n",
                "stripe-webhook-secret");

        Verification v = check(at(secret));

        assertThat(v.status()).isEqualTo(Verification.Status.UNKNOWN);
        assertThat(wm.getAllServeEvents()).isEmpty();
    }
}
