package dev.secretsprawl.verify.vendors;

import dev.secretsprawl.verify.Credential;
import dev.secretsprawl.verify.Detected;
import dev.secretsprawl.verify.Http;
import dev.secretsprawl.verify.Verification;
import dev.secretsprawl.verify.Verifier;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class SendGridVerifierTest extends VendorWireMockTest {
    private static final String SCOPES = "{\"scopes\": [\"mail.send\", \"alerts.read\", \"stats.read\"]}";
    private static final String UNAUTHORIZED = "{\"errors\": [{\"field\": null, \"message\": \"authorization required\"}]}";

    @Override
    protected Verifier verifier() {
        return new SendGridVerifier();
    }

    @Override
    protected String issuer() {
        return "sendgrid";
    }

    private Credential key() {
        return key("");
    }

    private Credential key(String nextLine) {
        return Detected.credential("src/mailer.js", "sgMail.setApiKey('" + synthetic.next("sendgrid") + "');\n" + nextLine,
                "sendgrid-api-key");
    }

    private void answer(Credential c, int status, String body) {
        wm.stubFor(get(urlPathEqualTo("/v3/scopes")).withHeader("Authorization", equalTo("Bearer " + c.secret().reveal()))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
    }

    @Override
    protected Case live() {
        Credential key = key();
        answer(key, 200, SCOPES);
        return at(key);
    }

    @Override
    protected Case dead() {
        Credential key = key();
        answer(key, 401, UNAUTHORIZED);
        return at(key);
    }

    @Override
    protected Case timeout() {
        wm.stubFor(get(urlPathEqualTo("/v3/scopes")).willReturn(okJson(SCOPES).withFixedDelay(SLOW_MILLIS)));
        return new Case(key(), impatientContext());
    }

    @Override
    protected Case unexpected() {
        Credential key = key();
        answer(key, 200, "<html>maintenance</html>");
        return at(key);
    }

    @Override
    protected Case notFound() {
        Credential key = key();
        answer(key, 404, "{\"errors\": [{\"message\": \"not found\"}]}");
        return at(key);
    }

    @Test
    void shouldSendTheKeyAsBearerWithOurUserAgentAndCountTheScopes() throws Exception {
        Case c = live();

        Verification v = check(c);

        assertThat(v.detail()).isEqualTo("API key with 3 scopes, mail.send among them");
        wm.verify(getRequestedFor(urlPathEqualTo("/v3/scopes"))
                .withHeader("Authorization", equalTo("Bearer " + c.credential().secret().reveal()))
                .withHeader("User-Agent", equalTo(Http.USER_AGENT)));
    }

    @Test
    void shouldSayUnknownForForbiddenBecauseIpAccessManagementRefusesValidKeysToo() throws Exception {
        Credential key = key();
        answer(key, 403, "{\"errors\": [{\"field\": null, \"message\": \"access forbidden\"}]}");

        Verification v = check(at(key));

        assertThat(v.status()).isEqualTo(Verification.Status.UNKNOWN);
        assertThat(v.detail()).contains("403");
    }

    @Test
    void shouldSayUnknownWhenRateLimited() throws Exception {
        Credential key = key();
        answer(key, 429, "{\"errors\": [{\"message\": \"too many requests\"}]}");

        assertThat(check(at(key)).status()).isEqualTo(Verification.Status.UNKNOWN);
    }

    @Test
    void shouldNotAskTheGlobalHostAboutAKeyUsedWithTheEuHost() throws Exception {
        Credential key = key("sgClient.setDefaultRequest('baseUrl', 'https://api.eu.sendgrid.com/');\n");

        Verification v = check(at(key));

        assertThat(v.status()).isEqualTo(Verification.Status.UNKNOWN);
        assertThat(v.detail()).contains("api.eu.sendgrid.com");
        assertThat(wm.getAllServeEvents()).isEmpty();
    }
}
