package dev.secretsprawl.verify.api;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.secretsprawl.verify.Credential;
import dev.secretsprawl.verify.Detected;
import dev.secretsprawl.verify.Http;
import dev.secretsprawl.verify.Verification;
import dev.secretsprawl.verify.Verifier;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class GitLabVerifierTest extends ApiVerifierTest {
    private static final String SELF = "/api/v4/personal_access_tokens/self";

    private final String token = synthetic.next("gitlab-pat");

    @Override
    String issuerName() {
        return "gitlab";
    }

    @Override
    protected Verifier verifier() {
        return new GitLabVerifier();
    }

    /** GitLab's documented answer for a token, with these states. */
    private static String tokenJson(boolean revoked, boolean active) {
        return """
                {"id": 42, "name": "ci-push", "revoked": %s, "created_at": "2026-01-04T10:00:00.000Z",
                 "description": "", "scopes": ["api", "read_repository"], "user_id": 3, "last_used_at": null,
                 "active": %s, "expires_at": "2027-01-04"}""".formatted(revoked, active);
    }

    private Credential pat() {
        return Detected.credential(".gitlab-ci.yml", "variables:\n  GITLAB_TOKEN: " + token + "\n", "gitlab-pat");
    }

    private void answer(ResponseDefinitionBuilder response) {
        issuer.stubFor(get(urlEqualTo(SELF)).withHeader("PRIVATE-TOKEN", equalTo(token)).willReturn(response));
    }

    @Override
    protected Case live() {
        answer(okJson(tokenJson(false, true)));
        return patient(pat());
    }

    @Override
    protected Case dead() {
        answer(aResponse().withStatus(401).withHeader("Content-Type", "application/json").withBody("{\"message\":\"401 Unauthorized\"}"));
        return patient(pat());
    }

    @Override
    protected Case timeout() {
        answer(okJson(tokenJson(false, true)).withFixedDelay(SLOW_MILLIS));
        return impatient(pat());
    }

    @Override
    protected Case unexpected() {
        answer(okJson("{\"id\": 42, \"name\": \"ci-push\"}"));
        return patient(pat());
    }

    @Override
    protected Case notFound() {
        answer(aResponse().withStatus(404).withBody("{\"message\":\"404 Not Found\"}"));
        return patient(pat());
    }

    @Test
    void shouldNameTheTokenAndItsUserAndSendOurUserAgent() throws Exception {
        assertThat(check(live())).isEqualTo(Verification.live("token 'ci-push' of user id 3; scopes: api,read_repository"));
        issuer.verify(getRequestedFor(urlEqualTo(SELF)).withHeader("User-Agent", equalTo(Http.USER_AGENT)));
    }

    @Test
    void shouldSayDeadForATokenGitLabDescribesAsRevokedOrInactive() throws Exception {
        answer(okJson(tokenJson(true, false)));
        assertThat(verify(pat()).status()).isEqualTo(Verification.Status.DEAD);

        answer(okJson(tokenJson(false, false)));
        assertThat(verify(pat()).status()).isEqualTo(Verification.Status.DEAD);
    }

    @Test
    void shouldSayLiveWhenGitLabOnlyLacksTheScope() throws Exception {
        answer(aResponse().withStatus(403).withBody("{\"error\":\"insufficient_scope\",\"error_description\":"
                + "\"The request requires higher privileges than provided by the access token.\",\"scope\":\"api read_api\"}"));

        assertThat(verify(pat()).status()).isEqualTo(Verification.Status.LIVE);
    }

    @Test
    void shouldSayUnknownForAnyOtherRefusal() throws Exception {
        answer(aResponse().withStatus(403).withBody("{\"message\":\"403 Forbidden\"}"));

        assertThat(verify(pat()).status()).isEqualTo(Verification.Status.UNKNOWN);
    }

    @Test
    void shouldNotCallATokenDeadWhenItSitsNextToASelfManagedGitLab() throws Exception {
        answer(aResponse().withStatus(401).withBody("{\"message\":\"401 Unauthorized\"}"));
        Credential selfManaged = Detected.credential("push.sh",
                "git remote add origin https://gitlab.acme.internal/team/app.git\nexport GITLAB_TOKEN=" + token + "\n", "gitlab-pat");

        Verification v = verify(selfManaged);

        assertThat(v.status()).isEqualTo(Verification.Status.UNKNOWN);
        assertThat(v.detail()).contains("--verify-endpoint gitlab=https://gitlab.acme.internal");
    }

    @Test
    void shouldNotSendTokensThisEndpointCannotCheck() throws Exception {
        String runner = synthetic.next("gitlab-runner");
        String trigger = synthetic.next("gitlab-trigger");

        assertThat(verify(Detected.credential("config.toml", "  token = \"" + runner + "\"\n", "gitlab-runner-auth-token")))
                .isEqualTo(Verification.unknown("no check for this kind of GitLab token"));
        assertThat(verify(Detected.credential("ci.sh", "TRIGGER_TOKEN: " + trigger + "\n", "gitlab-pipeline-trigger-token")))
                .isEqualTo(Verification.unknown("no check for this kind of GitLab token"));
        issuer.verify(0, anyRequestedFor(anyUrl()));
    }
}
