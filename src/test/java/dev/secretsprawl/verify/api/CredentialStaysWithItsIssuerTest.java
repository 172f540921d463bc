package dev.secretsprawl.verify.api;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.secretsprawl.scan.Finding;
import dev.secretsprawl.testing.SyntheticCredentials;
import dev.secretsprawl.verify.Detected;
import dev.secretsprawl.verify.Endpoints;
import dev.secretsprawl.verify.VerificationService;
import dev.secretsprawl.verify.VerifierRegistry;
import dev.secretsprawl.verify.VerifyContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every API verifier, run as a scan runs them, on credentials whose files also name tempting other URLs (an
 * attacker's collector, a second server that answers like the issuer): each credential goes to its issuer's
 * configured endpoint, or for Jenkins and Vault to the Jenkins or Vault address written next to it, and nowhere else.
 */
class CredentialStaysWithItsIssuerTest {
    private final SyntheticCredentials synthetic = new SyntheticCredentials(107);
    private final List<URI> requests = Collections.synchronizedList(new ArrayList<>());
    private WireMockServer issuers;
    private WireMockServer jenkins;
    private WireMockServer vault;
    private WireMockServer decoy;

    @BeforeEach
    void start() {
        issuers = server();
        jenkins = server();
        vault = server();
        decoy = server();
    }

    private static WireMockServer server() {
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        server.stubFor(any(anyUrl()).willReturn(okJson("{\"ok\": true, \"login\": \"someone\", \"username\": \"someone\"}")));
        return server;
    }

    @AfterEach
    void stop() {
        issuers.stop();
        jenkins.stop();
        vault.stop();
        decoy.stop();
    }

    /** Lines that name other places a careless verifier might send the credential to. */
    private String decoys(String product) {
        return "CALLBACK_URL=https://evil.invalid/collect\n"
                + product + "_API_URL=" + decoy.baseUrl() + "/api\n"
                + "mirror --url " + decoy.baseUrl() + "/collect --user mallory\n";
    }

    private List<Finding> findings() {
        List<Finding> all = new ArrayList<>();
        all.add(Detected.finding(".env", decoys("GITHUB") + "GITHUB_TOKEN=" + synthetic.next("github-pat") + "\n", "github-pat-classic"));
        all.add(Detected.finding(".env", decoys("GITLAB") + "CI_SERVER_URL=" + decoy.baseUrl() + "\nGITLAB_TOKEN="
                + synthetic.next("gitlab-pat") + "\n", "gitlab-pat"));
        all.add(Detected.finding(".env", decoys("SLACK") + "SLACK_BOT_TOKEN=" + synthetic.next("slack-bot") + "\n", "slack-bot-token"));
        all.add(Detected.finding(".env", decoys("VAULT") + "VAULT_TOKEN=" + synthetic.next("vault") + "\n", "vault-service-token"));
        all.add(Detected.finding("vault.env", decoys("VAULT") + "VAULT_ADDR=" + vault.baseUrl() + "\nVAULT_TOKEN="
                + synthetic.next("vault") + "\n", "vault-service-token"));
        all.add(Detected.finding(".npmrc", "registry=" + decoy.baseUrl() + "/\n//registry.npmjs.org/:_authToken="
                + synthetic.next("npm") + "\n", "npm-access-token"));
        all.add(Detected.finding("jenkins.env", decoys("BUILD_CACHE") + "JENKINS_URL=" + jenkins.baseUrl() + "/\nJENKINS_USER=deploy\n"
                + "JENKINS_API_TOKEN=" + synthetic.next("jenkins-api-token") + "\n", "jenkins-api-token"));
        all.add(Detected.finding("release.sh", decoys("BUILD_CACHE") + "java -jar jenkins-cli.jar -s " + jenkins.baseUrl() + "/ -auth release:"
                + synthetic.next("jenkins-api-token") + " build app\n", "jenkins-cli-auth-token"));
        return all;
    }

    @Test
    void shouldSendEachCredentialOnlyToItsIssuerAndNeverToAUrlMerelyWrittenNextToIt() throws Exception {
        URI issuerUrl = URI.create(issuers.baseUrl());
        Endpoints endpoints = Endpoints.with(Map.of("github", issuerUrl, "gitlab", issuerUrl, "slack", issuerUrl,
                "vault", issuerUrl, "npm", issuerUrl));
        VerifyContext context = new VerifyContext(endpoints, Duration.ofSeconds(5), requests::add);
        VerifierRegistry registry = new VerifierRegistry(List.of(new GitHubVerifier(), new GitLabVerifier(), new SlackVerifier(),
                new VaultVerifier(), new NpmVerifier(), new JenkinsVerifier()));
        List<Finding> findings = findings();

        List<Finding> verified;
        try (VerificationService service = new VerificationService(registry, context, VerificationService.Options.defaults())) {
            verified = service.verifyAll(findings, done -> { });
        }

        assertThat(requests).hasSize(findings.size());
        assertThat(requests.stream().map(CredentialStaysWithItsIssuerTest::origin).distinct())
                .containsExactlyInAnyOrder(origin(issuerUrl), origin(URI.create(jenkins.baseUrl())), origin(URI.create(vault.baseUrl())));
        assertThat(jenkins.getAllServeEvents()).hasSize(2);
        assertThat(vault.getAllServeEvents()).hasSize(1);
        decoy.verify(0, anyRequestedFor(anyUrl()));
        assertThat(verified).allSatisfy(f -> assertThat(f.properties().getOrDefault(VerificationService.DETAIL_PROPERTY, ""))
                .doesNotContain("refused"));
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
    }
}
