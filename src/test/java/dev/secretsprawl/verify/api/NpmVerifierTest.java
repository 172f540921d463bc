package dev.secretsprawl.verify.api;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.secretsprawl.verify.Credential;
import dev.secretsprawl.verify.Detected;
import dev.secretsprawl.verify.Http;
import dev.secretsprawl.verify.Verification;
import dev.secretsprawl.verify.Verifier;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class NpmVerifierTest extends ApiVerifierTest {
    private static final String WHOAMI = "/-/whoami";

    private final String token = synthetic.next("npm");

    @Override
    String issuerName() {
        return "npm";
    }

    @Override
    protected Verifier verifier() {
        return new NpmVerifier();
    }

    private Credential npmrc() {
        return Detected.credential(".npmrc", "//registry.npmjs.org/:_authToken=" + token + "\n", "npm-access-token");
    }

    private void answer(String bearer, ResponseDefinitionBuilder response) {
        issuer.stubFor(get(urlEqualTo(WHOAMI)).withHeader("Authorization", equalTo("Bearer " + bearer)).willReturn(response));
    }

    @Override
    protected Case live() {
        answer(token, okJson("{\"username\": \"release-bot\"}"));
        return patient(npmrc());
    }

    @Override
    protected Case dead() {
        answer(token, aResponse().withStatus(401).withHeader("Content-Type", "application/json").withBody("{\"error\": \"Unauthorized\"}"));
        return patient(npmrc());
    }

    @Override
    protected Case timeout() {
        answer(token, okJson("{\"username\": \"release-bot\"}").withFixedDelay(SLOW_MILLIS));
        return impatient(npmrc());
    }

    @Override
    protected Case unexpected() {
        answer(token, okJson("{\"user\": \"release-bot\"}"));
        return patient(npmrc());
    }

    @Override
    protected Case notFound() {
        answer(token, aResponse().withStatus(404).withBody("{\"error\": \"Not found\"}"));
        return patient(npmrc());
    }

    @Test
    void shouldNameTheUserAndSendOurUserAgent() throws Exception {
        assertThat(check(live())).isEqualTo(Verification.live("authenticated as release-bot"));
        issuer.verify(getRequestedFor(urlEqualTo(WHOAMI)).withHeader("User-Agent", equalTo(Http.USER_AGENT)));
    }

    @Test
    void shouldCheckALegacyUuidTokenOfNpmsRegistry() throws Exception {
        String legacy = UUID.randomUUID().toString();
        answer(legacy, okJson("{\"username\": \"old-bot\"}"));

        Verification v = verify(Detected.credential(".npmrc", "//registry.npmjs.org/:_authToken=" + legacy + "\n", "npm-legacy-token"));

        assertThat(v).isEqualTo(Verification.live("authenticated as old-bot"));
    }

    @Test
    void shouldNeverSendAnotherRegistrysTokenToNpm() throws Exception {
        String corporate = UUID.randomUUID().toString();

        Verification v = verify(Detected.credential(".npmrc",
                "registry=https://npm.corp.internal/repository/npm-group/\n//npm.corp.internal/repository/npm-group/:_authToken="
                        + corporate + "\nalways-auth=true\n", "npmrc-credentials"));

        assertThat(v).isEqualTo(Verification.unknown("a token of another registry (npm.corp.internal): never sent to npm's"));
        issuer.verify(0, anyRequestedFor(anyUrl()));
    }
}
