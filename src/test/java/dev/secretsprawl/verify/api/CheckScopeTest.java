package dev.secretsprawl.verify.api;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.secretsprawl.scan.Finding;
import dev.secretsprawl.testing.SyntheticCredentials;
import dev.secretsprawl.verify.Credential;
import dev.secretsprawl.verify.Detected;
import dev.secretsprawl.verify.Endpoints;
import dev.secretsprawl.verify.VerificationService;
import dev.secretsprawl.verify.Verifier;
import dev.secretsprawl.verify.VerifierRegistry;
import dev.secretsprawl.verify.VerifyContext;
import dev.secretsprawl.verify.vendors.SendGridVerifier;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same secret found twice with different surroundings (another host, registry, Vault or site next to it) is two
 * checks: the cache must not hand one finding's answer to the other.
 */
class CheckScopeTest {
    private final SyntheticCredentials synthetic = new SyntheticCredentials(108);

    private static void assertSeparate(Verifier verifier, Credential one, Credential other) {
        assertThat(verifier.scope(one)).isNotEqualTo(verifier.scope(other));
    }

    @Test
    void shouldScopeGitHubAndGitLabTokensByTheOtherInstallWrittenNextToThem() {
        String github = synthetic.next("github-pat");
        assertSeparate(new GitHubVerifier(), Detected.credential(".env", "GITHUB_TOKEN=" + github + "\n", "github-pat-classic"),
                Detected.credential(".env", "GITHUB_URL=https://github.acme.internal/\nGITHUB_TOKEN=" + github + "\n", "github-pat-classic"));
        String gitlab = synthetic.next("gitlab-pat");
        assertSeparate(new GitLabVerifier(), Detected.credential(".env", "GITLAB_TOKEN=" + gitlab + "\n", "gitlab-pat"),
                Detected.credential(".env", "CI_SERVER_URL=https://gitlab.acme.internal\nGITLAB_TOKEN=" + gitlab + "\n", "gitlab-pat"));
    }

    @Test
    void shouldScopeAnNpmTokenByTheRegistryLineItSitsOn() {
        String legacy = UUID.randomUUID().toString();
        assertSeparate(new NpmVerifier(),
                Detected.credential(".npmrc", "//registry.npmjs.org/:_authToken=" + legacy + "\n", "npm-legacy-token"),
                Detected.credential(".npmrc", "//npm.corp.internal/:_authToken=" + legacy + "\n", "npmrc-credentials"));
    }

    @Test
    void shouldScopeAVaultTokenByTheVaultWrittenNextToIt() {
        String token = synthetic.next("vault");
        assertSeparate(new VaultVerifier(),
                Detected.credential(".env", "VAULT_ADDR=https://vault.a.internal:8200\nVAULT_TOKEN=" + token + "\n", "vault-service-token"),
                Detected.credential(".env", "VAULT_ADDR=https://vault.b.internal:8200\nVAULT_TOKEN=" + token + "\n", "vault-service-token"));
    }

    @Test
    void shouldScopeASendGridKeyByTheEuHostNextToIt() {
        String key = synthetic.next("sendgrid");
        assertSeparate(new SendGridVerifier(),
                Detected.credential("mailer.js", "sgMail.setApiKey('" + key + "');\n", "sendgrid-api-key"),
                Detected.credential("mailer.js", "sgMail.setApiKey('" + key + "');\nclient.setDefaultRequest('baseUrl',"
                        + " 'https://api.eu.sendgrid.com/');\n", "sendgrid-api-key"));
    }

    @Test
    void shouldAskTwiceWhenTheSameVaultTokenIsFoundNextToTwoVaults() throws Exception {
        WireMockServer a = vault();
        WireMockServer b = vault();
        try {
            String token = synthetic.next("vault");
            List<Finding> findings = List.of(
                    Detected.finding("a.env", "VAULT_ADDR=" + a.baseUrl() + "\nVAULT_TOKEN=" + token + "\n", "vault-service-token"),
                    Detected.finding("b.env", "VAULT_ADDR=" + b.baseUrl() + "\nVAULT_TOKEN=" + token + "\n", "vault-service-token"));
            VerifyContext context = new VerifyContext(Endpoints.with(Map.of()), Duration.ofSeconds(5));
            try (VerificationService service = new VerificationService(new VerifierRegistry(List.of(new VaultVerifier())), context,
                    VerificationService.Options.defaults())) {
                service.verifyAll(findings, done -> { });
                assertThat(service.distinctChecks()).isEqualTo(2);
            }
            a.verify(1, anyRequestedFor(anyUrl()));
            b.verify(1, anyRequestedFor(anyUrl()));
        } finally {
            a.stop();
            b.stop();
        }
    }

    private static WireMockServer vault() {
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        server.stubFor(any(anyUrl()).willReturn(okJson("{\"data\": {\"display_name\": \"token\", \"policies\": [\"default\"]}}")));
        return server;
    }
}
