package dev.secretsprawl.verify.api;

import dev.secretsprawl.scan.Checksums;
import dev.secretsprawl.verify.Credential;
import dev.secretsprawl.verify.Detected;
import dev.secretsprawl.verify.Http;
import dev.secretsprawl.verify.Verification;
import dev.secretsprawl.verify.Verifier;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class GitHubVerifierTest extends ApiVerifierTest {
    /** GitHub's documented user object, shortened. */
    private static final String USER = """
            {"login": "octocat", "id": 1, "type": "User", "site_admin": false, "name": "monalisa octocat"}""";
    private static final String BAD_CREDENTIALS = """
            {"message": "Bad credentials", "documentation_url": "https://docs.github.com/rest", "status": "401"}""";

    private final String token = synthetic.next("github-pat");
    private URI endpoint;

    @Override
    String issuerName() {
        return "github";
    }

    @Override
    URI endpoint() {
        return endpoint != null ? endpoint : super.endpoint();
    }

    @Override
    protected Verifier verifier() {
        return new GitHubVerifier();
    }

    private Credential pat() {
        return Detected.credential(".env", "APP_ENV=ci\nGITHUB_TOKEN=" + token + "\n", "github-pat-classic");
    }

    private void answer(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
        issuer.stubFor(get(urlEqualTo("/user")).withHeader("Authorization", equalTo("Bearer " + token)).willReturn(response));
    }

    @Override
    protected Case live() {
        answer(okJson(USER).withHeader("X-OAuth-Scopes", "repo, read:org"));
        return patient(pat());
    }

    @Override
    protected Case dead() {
        answer(aResponse().withStatus(401).withHeader("Content-Type", "application/json").withBody(BAD_CREDENTIALS));
        return patient(pat());
    }

    @Override
    protected Case timeout() {
        answer(okJson(USER).withFixedDelay(SLOW_MILLIS));
        return impatient(pat());
    }

    @Override
    protected Case unexpected() {
        answer(aResponse().withStatus(502).withBody("<html>Bad gateway</html>"));
        return patient(pat());
    }

    @Override
    protected Case notFound() {
        answer(aResponse().withStatus(404).withBody("{\"message\": \"Not Found\"}"));
        return patient(pat());
    }

    @Test
    void shouldNameTheLoginAndScopesAndSendTheDocumentedHeadersWithOurUserAgent() throws Exception {
        Verification v = check(live());

        assertThat(v.detail()).isEqualTo("authenticated as octocat; scopes: repo, read:org");
        issuer.verify(getRequestedFor(urlEqualTo("/user"))
                .withHeader("Accept", equalTo("application/vnd.github+json"))
                .withHeader("X-GitHub-Api-Version", equalTo("2022-11-28"))
                .withHeader("User-Agent", equalTo(Http.USER_AGENT)));
    }

    @Test
    void shouldSayUnknownWhenGitHubAnswersItsRateLimit() throws Exception {
        answer(aResponse().withStatus(403).withHeader("x-ratelimit-remaining", "0")
                .withBody("{\"message\": \"API rate limit exceeded\"}"));

        assertThat(verify(pat())).isEqualTo(Verification.unknown("GitHub rate limited the check; try again later"));
    }

    @Test
    void shouldSayUnknownNotDeadWhenAnInstallationTokenIsRefusedTheUserEndpoint() throws Exception {
        String appToken = synthetic.next("github-app-token");
        issuer.stubFor(get(urlEqualTo("/user")).willReturn(aResponse().withStatus(403).withHeader("x-ratelimit-remaining", "4999")
                .withBody("{\"message\": \"Resource not accessible by integration\"}")));

        Verification v = verify(Detected.credential("deploy.sh", "GH_TOKEN=\"" + appToken + "\"\n", "github-installation-token"));

        assertThat(v.status()).isEqualTo(Verification.Status.UNKNOWN);
    }

    @Test
    void shouldAskGitHubEnterpriseUnderItsApiPath() throws Exception {
        endpoint = URI.create(issuer.baseUrl() + "/api/v3");
        issuer.stubFor(get(urlEqualTo("/api/v3/user")).willReturn(okJson(USER)));

        assertThat(verify(pat())).isEqualTo(Verification.live("authenticated as octocat"));
    }

    @Test
    void shouldNotCallATokenDeadWhenItSitsNextToAnotherGitHubHost() throws Exception {
        answer(aResponse().withStatus(401).withBody(BAD_CREDENTIALS));
        Credential enterprise = Detected.credential(".env",
                "GITHUB_URL=https://github.acme.internal/\nGITHUB_TOKEN=" + token + "\n", "github-pat-classic");

        Verification v = verify(enterprise);

        assertThat(v.status()).isEqualTo(Verification.Status.UNKNOWN);
        assertThat(v.detail()).contains("github.acme.internal", "--verify-endpoint github=https://github.acme.internal/api/v3");
    }

    @Test
    void shouldNeverSendARefreshTokenToTheApi() throws Exception {
        String refresh = Checksums.withCrc32("ghr_", synthetic.base62(30));

        Verification v = verify(Detected.credential("auth.env", "refresh_token=" + refresh + "\n", "github-refresh-token"));

        assertThat(v.status()).isEqualTo(Verification.Status.UNKNOWN);
        issuer.verify(0, anyRequestedFor(anyUrl()));
    }
}
