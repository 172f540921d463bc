package dev.secretsprawl.verify.vendors;

import dev.secretsprawl.verify.Credential;
import dev.secretsprawl.verify.Detected;
import dev.secretsprawl.verify.Http;
import dev.secretsprawl.verify.Verification;
import dev.secretsprawl.verify.Verifier;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class DatadogVerifierTest extends VendorWireMockTest {
    private static final String VALIDATE = "/api/v1/validate";
    private static final String VALIDATE_KEYS = "/api/v2/validate_keys";
    private static final String FORBIDDEN = "{\"errors\": [\"Forbidden\"]}";

    @Override
    protected Verifier verifier() {
        return new DatadogVerifier();
    }

    @Override
    protected String issuer() {
        return "datadog";
    }

    private Credential apiKey() {
        return Detected.credential("deploy/agent.env", "DD_API_KEY=" + synthetic.next("datadog-api-key") + "\nDD_ENV=prod\n",
                "datadog-api-key");
    }

    private void answerApiKey(String apiKey, int status, String body) {
        wm.stubFor(get(urlPathEqualTo(VALIDATE)).withHeader("DD-API-KEY", equalTo(apiKey))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
    }

    @Override
    protected Case live() {
        Credential key = apiKey();
        answerApiKey(key.secret().reveal(), 200, "{\"valid\": true}");
        return at(key);
    }

    @Override
    protected Case dead() {
        Credential key = apiKey();
        answerApiKey(key.secret().reveal(), 403, FORBIDDEN);
        return at(key);
    }

    @Override
    protected Case timeout() {
        wm.stubFor(get(urlPathEqualTo(VALIDATE)).willReturn(okJson("{\"valid\": true}").withFixedDelay(SLOW_MILLIS)));
        return new Case(apiKey(), impatientContext());
    }

    @Override
    protected Case unexpected() {
        Credential key = apiKey();
        answerApiKey(key.secret().reveal(), 200, "{\"valid\": false}");
        return at(key);
    }

    @Override
    protected Case notFound() {
        String appKey = synthetic.next("datadog-app-key");
        return at(Detected.credential("monitoring.env", "DD_APP_KEY=" + appKey + "\n", "datadog-app-key"));
    }

    /** The YAML shape the nested rules read, both keys under one datadog: block. */
    private Credential applicationKeyWithItsApiKey(String apiKey) {
        return Detected.credential("application.yml", "management:\n  metrics:\n    export:\n      datadog:\n        api-key: "
                + apiKey + "\n        application-key: " + synthetic.next("datadog-app-key") + "\n        step: 30s\n",
                "datadog-nested-app-key");
    }

    private void answerKeyPair(String apiKey, Credential appKey, int status, String body) {
        wm.stubFor(get(urlPathEqualTo(VALIDATE_KEYS)).withHeader("DD-API-KEY", equalTo(apiKey))
                .withHeader("DD-APPLICATION-KEY", equalTo(appKey.secret().reveal()))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
    }

    @Test
    void shouldSendTheApiKeyHeaderWithOurUserAgent() throws Exception {
        Case c = live();

        assertThat(check(c).detail()).isEqualTo("API key valid on localhost");
        wm.verify(getRequestedFor(urlPathEqualTo(VALIDATE)).withHeader("DD-API-KEY", equalTo(c.credential().secret().reveal()))
                .withHeader("DD-APPLICATION-KEY", absent()).withHeader("User-Agent", equalTo(Http.USER_AGENT)));
    }

    @Test
    void shouldCheckAnApplicationKeyWithTheApiKeyNextToIt() throws Exception {
        String apiKey = synthetic.next("datadog-api-key");
        Credential appKey = applicationKeyWithItsApiKey(apiKey);
        answerApiKey(apiKey, 200, "{\"valid\": true}");
        answerKeyPair(apiKey, appKey, 200, "{\"status\": \"ok\"}");

        assertThat(check(at(appKey))).isEqualTo(Verification.live("application key valid on localhost with the API key next to it"));
    }

    @Test
    void shouldSayUnknownForAnApplicationKeyRefusedWithAValidApiKeyAsTheyMayBelongToDifferentOrganisations() throws Exception {
        String apiKey = synthetic.next("datadog-api-key");
        Credential appKey = applicationKeyWithItsApiKey(apiKey);
        answerApiKey(apiKey, 200, "{\"valid\": true}");
        answerKeyPair(apiKey, appKey, 403, FORBIDDEN);

        assertThat(check(at(appKey))).isEqualTo(Verification.unknown(
                "the application key was refused with the API key next to it; they may belong to different organisations"));
    }

    @Test
    void shouldCheckTheSameKeySeparatelyNextToAnotherSiteOrApiKey() {
        DatadogVerifier verifier = new DatadogVerifier();
        String key = synthetic.next("datadog-api-key");
        Credential us = Detected.credential("a.env", "DD_API_KEY=" + key + "\n", "datadog-api-key");
        Credential eu = Detected.credential("b.env", "DD_SITE=datadoghq.eu\nDD_API_KEY=" + key + "\n", "datadog-api-key");
        assertThat(verifier.scope(us)).isNotEqualTo(verifier.scope(eu));

        String appKey = synthetic.next("datadog-app-key");
        Credential one = Detected.credential("c.env", "DD_API_KEY=" + key + "\nDD_APP_KEY=" + appKey + "\n", "datadog-app-key");
        Credential other = Detected.credential("d.env", "DD_API_KEY=" + synthetic.next("datadog-api-key") + "\nDD_APP_KEY=" + appKey + "\n",
                "datadog-app-key");
        assertThat(verifier.scope(one)).isNotEqualTo(verifier.scope(other));
    }

    @Test
    void shouldSayUnknownForAnApplicationKeyWhoseApiKeyIsRejected() throws Exception {
        String apiKey = synthetic.next("datadog-api-key");
        Credential appKey = applicationKeyWithItsApiKey(apiKey);
        answerApiKey(apiKey, 403, FORBIDDEN);

        Verification v = check(at(appKey));

        assertThat(v.status()).isEqualTo(Verification.Status.UNKNOWN);
        assertThat(v.detail()).doesNotContain(apiKey);
        wm.verify(0, getRequestedFor(urlPathEqualTo(VALIDATE_KEYS)));
    }

    @Test
    void shouldNotAskAnotherSiteAboutAKeyUsedWithTheEuSite() throws Exception {
        Credential key = Detected.credential("agent.env", "DD_SITE=datadoghq.eu\nDD_API_KEY=" + synthetic.next("datadog-api-key") + "\n",
                "datadog-api-key");

        Verification v = check(at(key));

        assertThat(v.status()).isEqualTo(Verification.Status.UNKNOWN);
        assertThat(v.detail()).contains("--verify-endpoint datadog=https://api.datadoghq.eu");
        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    @Test
    void shouldSayUnknownWhenRateLimited() throws Exception {
        Credential key = apiKey();
        answerApiKey(key.secret().reveal(), 429, "{\"errors\": [\"Rate limit exceeded\"]}");

        assertThat(check(at(key)).status()).isEqualTo(Verification.Status.UNKNOWN);
    }
}
