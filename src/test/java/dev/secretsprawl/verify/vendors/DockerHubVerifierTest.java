package dev.secretsprawl.verify.vendors;

import dev.secretsprawl.verify.Credential;
import dev.secretsprawl.verify.Detected;
import dev.secretsprawl.verify.Http;
import dev.secretsprawl.verify.Verification;
import dev.secretsprawl.verify.Verifier;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class DockerHubVerifierTest extends VendorWireMockTest {
    private static final String TOKEN_PATH = "/v2/auth/token";
    private static final String ACCESS_TOKEN = "{\"access_token\": \"%s\"}";

    @Override
    protected Verifier verifier() {
        return new DockerHubVerifier();
    }

    @Override
    protected String issuer() {
        return "dockerhub";
    }

    /** A CI step that pipes the token to docker login as its user. */
    private Credential loginStep(String user) {
        return Detected.credential("Jenkinsfile", "sh '''\necho \"" + synthetic.next("dockerhub")
                + "\" | docker login -u " + user + " --password-stdin\n'''\n", "dockerhub-access-token");
    }

    private void answer(Credential c, String user, int status, String body) {
        wm.stubFor(post(urlPathEqualTo(TOKEN_PATH))
                .withRequestBody(equalToJson("{\"identifier\": \"" + user + "\", \"secret\": \"" + c.secret().reveal() + "\"}"))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
    }

    @Override
    protected Case live() {
        Credential token = loginStep("ci-bot");
        answer(token, "ci-bot", 200, ACCESS_TOKEN.formatted(synthetic.next("jwt")));
        return at(token);
    }

    @Override
    protected Case dead() {
        Credential token = loginStep("ci-bot");
        answer(token, "ci-bot", 401, "{\"detail\": \"Incorrect authentication credentials\", \"message\": \"Incorrect authentication credentials\"}");
        return at(token);
    }

    @Override
    protected Case timeout() {
        wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(okJson(ACCESS_TOKEN.formatted(synthetic.next("jwt")))
                .withFixedDelay(SLOW_MILLIS)));
        return new Case(loginStep("ci-bot"), impatientContext());
    }

    @Override
    protected Case unexpected() {
        Credential token = loginStep("ci-bot");
        answer(token, "ci-bot", 500, "{\"message\": \"internal error\"}");
        return at(token);
    }

    @Override
    protected Case notFound() {
        return at(Detected.credential(".env", "DOCKERHUB_TOKEN=" + synthetic.next("dockerhub") + "\n", "dockerhub-access-token"));
    }

    @Test
    void shouldPostTheUserAndTokenAsDocumentedWithOurUserAgent() throws Exception {
        Case c = live();

        Verification v = check(c);

        assertThat(v.detail()).isEqualTo("Docker Hub user ci-bot");
        wm.verify(postRequestedFor(urlPathEqualTo(TOKEN_PATH))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("User-Agent", equalTo(Http.USER_AGENT)));
    }

    @Test
    void shouldNotCallDockerHubWithoutAUser() throws Exception {
        Verification v = check(notFound());

        assertThat(v.detail()).startsWith("no Docker Hub user next to the token");
        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    @Test
    void shouldReadTheUserFromEnvironmentSettingsAndConfigFiles() throws Exception {
        String[] shapes = {
                "DOCKER_USERNAME=release-bot\nDOCKER_PASSWORD=%s\n",
                "docker:\n  username: release-bot\n  password: %s\n",
                "{\"username\": \"release-bot\", \"password\": \"%s\"}\n",
                "docker login --username=release-bot --password %s registry-1.docker.io\n",
        };
        for (String shape : shapes) {
            wm.resetAll();
            Credential token = Detected.credential("ci/settings", shape.formatted(synthetic.next("dockerhub")), "dockerhub-access-token");
            answer(token, "release-bot", 200, ACCESS_TOKEN.formatted(synthetic.next("jwt")));

            assertThat(check(at(token))).as(shape).isEqualTo(Verification.live("Docker Hub user release-bot"));
        }
    }

    @Test
    void shouldPreferTheDockerUserOverAnotherServicesUsernameNearby() throws Exception {
        Credential token = Detected.credential("docker-compose.yml", "services:\n  db:\n    environment:\n      username: postgres\n"
                + "  ci:\n    environment:\n      DOCKER_TOKEN: " + synthetic.next("dockerhub") + "\n      DOCKER_USER: release-bot\n",
                "dockerhub-access-token");
        answer(token, "release-bot", 200, ACCESS_TOKEN.formatted(synthetic.next("jwt")));

        assertThat(check(at(token)).detail()).isEqualTo("Docker Hub user release-bot");
    }

    @Test
    void shouldSayDeadWhenDockerHubRejectsTheTokenForAUserSetAsTheDockerUser() throws Exception {
        Credential token = Detected.credential(".env", "DOCKERHUB_USER=release-bot\nDOCKERHUB_TOKEN=" + synthetic.next("dockerhub") + "\n",
                "dockerhub-access-token");
        answer(token, "release-bot", 401, "{\"detail\": \"Incorrect authentication credentials\"}");

        assertThat(check(at(token)).status()).isEqualTo(Verification.Status.DEAD);
    }

    @Test
    void shouldSayUnknownNamingTheUserWhenDockerHubRejectsTheTokenForAGuessedUser() throws Exception {
        Credential token = Detected.credential("ci/settings", "docker:\n  username: release-bot\n  password: " + synthetic.next("dockerhub")
                + "\n", "dockerhub-access-token");
        answer(token, "release-bot", 401, "{\"detail\": \"Incorrect authentication credentials\"}");

        Verification v = check(at(token));

        assertThat(v.status()).isEqualTo(Verification.Status.UNKNOWN);
        assertThat(v.detail()).contains("user release-bot").contains("guessed");
    }

    @Test
    void shouldCheckTheSameTokenSeparatelyForAnotherUser() {
        String secret = synthetic.next("dockerhub");
        DockerHubVerifier verifier = new DockerHubVerifier();
        Credential one = Detected.credential("a.env", "DOCKER_USERNAME=alice\nDOCKER_PASSWORD=" + secret + "\n", "dockerhub-access-token");
        Credential other = Detected.credential("b.env", "DOCKER_USERNAME=bob\nDOCKER_PASSWORD=" + secret + "\n", "dockerhub-access-token");

        assertThat(verifier.scope(one)).isNotEqualTo(verifier.scope(other));
    }

    @Test
    void shouldNameAnOrganizationToken() throws Exception {
        Credential token = Detected.credential(".env", "DOCKERHUB_ORG=acme\nDOCKER_USERNAME=acme\nDOCKERHUB_TOKEN=dckr_oat_"
                + synthetic.base62(32) + "\n", "dockerhub-access-token");
        answer(token, "acme", 200, ACCESS_TOKEN.formatted(synthetic.next("jwt")));

        assertThat(check(at(token)).detail()).isEqualTo("Docker Hub organization acme");
    }

    @Test
    void shouldSayUnknownWhenRateLimited() throws Exception {
        Credential token = loginStep("ci-bot");
        answer(token, "ci-bot", 429, "{\"message\": \"too many requests\"}");

        assertThat(check(at(token)).status()).isEqualTo(Verification.Status.UNKNOWN);
    }
}
