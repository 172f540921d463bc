package dev.secretsprawl.verify.api;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.secretsprawl.verify.Credential;
import dev.secretsprawl.verify.Detected;
import dev.secretsprawl.verify.Http;
import dev.secretsprawl.verify.Verification;
import dev.secretsprawl.verify.Verifier;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.secretsprawl.verify.Endpoints;
import dev.secretsprawl.verify.VerifyContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

class VaultVerifierTest extends ApiVerifierTest {
    private static final String LOOKUP_SELF = "/v1/auth/token/lookup-self";
    /** Vault's documented lookup-self answer, shortened. */
    private static final String SELF = """
            {"request_id": "7a3c2f0e-0000-4000-8000-000000000001", "lease_id": "", "renewable": false, "lease_duration": 0,
             "data": {"accessor": "8609694a-cdbc-db9b-d345-e782dbb562ed", "creation_time": 1523979354,
                      "display_name": "approle-deploy", "entity_id": "", "expire_time": "2026-12-18T17:14:00Z",
                      "explicit_max_ttl": 0, "id": "(withheld by test)", "policies": ["default", "deploy"], "renewable": true,
                      "ttl": 2764800, "type": "service"},
             "wrap_info": null, "warnings": null, "auth": null}""";

    private final String token = synthetic.next("vault");

    @Override
    String issuerName() {
        return "vault";
    }

    @Override
    protected Verifier verifier() {
        return new VaultVerifier();
    }

    /** A token with the address of its Vault (the WireMock server) written above it. */
    private Credential service() {
        return Detected.credential("deploy.env", "VAULT_ADDR=" + issuer.baseUrl() + "\nVAULT_TOKEN=" + token + "\n",
                "vault-service-token");
    }

    /** A token alone: its Vault is not named. */
    private Credential alone() {
        return Detected.credential("deploy.env", "VAULT_TOKEN=" + token + "\n", "vault-service-token");
    }

    private void answer(ResponseDefinitionBuilder response) {
        issuer.stubFor(get(urlEqualTo(LOOKUP_SELF)).withHeader("X-Vault-Token", equalTo(token)).willReturn(response));
    }

    private static ResponseDefinitionBuilder forbidden(String errors) {
        return aResponse().withStatus(403).withHeader("Content-Type", "application/json").withBody("{\"errors\":[" + errors + "]}");
    }

    @Override
    protected Case live() {
        answer(okJson(SELF));
        return patient(service());
    }

    @Override
    protected Case dead() {
        answer(forbidden("\"permission denied\", \"invalid token\""));
        return patient(service());
    }

    @Override
    protected Case timeout() {
        answer(okJson(SELF).withFixedDelay(SLOW_MILLIS));
        return impatient(service());
    }

    @Override
    protected Case unexpected() {
        answer(aResponse().withStatus(503).withHeader("Content-Type", "application/json").withBody("{\"errors\":[\"Vault is sealed\"]}"));
        return patient(service());
    }

    @Override
    protected Case notFound() {
        answer(aResponse().withStatus(404).withBody("{\"errors\":[]}"));
        return patient(service());
    }

    @Test
    void shouldNameTheDisplayNameAndCountPoliciesAndSendOurUserAgent() throws Exception {
        assertThat(check(live())).isEqualTo(Verification.live("display name approle-deploy, 2 policies"));
        issuer.verify(getRequestedFor(urlEqualTo(LOOKUP_SELF)).withHeader("User-Agent", equalTo(Http.USER_AGENT)));
    }

    @Test
    void shouldSayUnknownForABarePermissionDeniedAsATokenWithoutTheDefaultPolicyGetsIt() throws Exception {
        answer(forbidden("\"permission denied\""));

        assertThat(verify(service()).status()).isEqualTo(Verification.Status.UNKNOWN);
    }

    @Test
    void shouldAskTheVaultWrittenNextToTheTokenEvenWhenNoEndpointIsConfigured() throws Exception {
        answer(forbidden("\"permission denied\", \"invalid token\""));
        List<URI> requests = new CopyOnWriteArrayList<>();

        Verification v = check(new Case(service(), new VerifyContext(Endpoints.defaults(), PATIENT, requests::add)));

        assertThat(v.status()).isEqualTo(Verification.Status.DEAD);
        assertThat(requests).containsExactly(URI.create(issuer.baseUrl() + LOOKUP_SELF));
    }

    @Test
    void shouldPreferTheVaultWrittenNextToTheTokenToTheConfiguredOne() throws Exception {
        answer(okJson(SELF));
        WireMockServer configured = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        configured.start();
        try {
            VerifyContext context = new VerifyContext(Endpoints.with(Map.of("vault", URI.create(configured.baseUrl()))), PATIENT);

            assertThat(check(new Case(service(), context)).status()).isEqualTo(Verification.Status.LIVE);
            configured.verify(0, anyRequestedFor(anyUrl()));
        } finally {
            configured.stop();
        }
    }

    @Test
    void shouldAskTheConfiguredVaultWhenNoneIsWrittenNextToTheToken() throws Exception {
        answer(forbidden("\"permission denied\", \"invalid token\""));

        assertThat(verify(alone()).status()).isEqualTo(Verification.Status.DEAD);
        issuer.verify(1, getRequestedFor(urlEqualTo(LOOKUP_SELF)));
    }

    @Test
    void shouldSendNothingWhenNoVaultIsWrittenNorConfigured() throws Exception {
        List<URI> requests = new CopyOnWriteArrayList<>();

        Verification v = check(new Case(alone(), new VerifyContext(Endpoints.defaults(), PATIENT, requests::add)));

        assertThat(v).isEqualTo(Verification.unknown("no Vault address next to the token; set --verify-endpoint vault=URL"));
        assertThat(requests).isEmpty();
        issuer.verify(0, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "export VAULT_ADDR=\"%s/\"\nexport VAULT_TOKEN=%s\n",
            "vault_addr: %s\nvault_token: %s\n",
            "vault login -address=%s/ui/ %s\n",
            "provider \"vault\" {\n  address = \"%s\"\n  token   = \"%s\"\n}\n"})
    void shouldReadTheVaultAddressInEachWrittenForm(String form) {
        String text = "CALLBACK_URL=https://evil.invalid/collect\n" + form.formatted(issuer.baseUrl(), token);

        assertThat(VaultAddress.find(text, token)).contains(URI.create(issuer.baseUrl()));
    }

    @Test
    void shouldNotTakeAnotherToolsAddressFlagOrAnyUrlNearby() {
        String text = "nomad job run -address=https://nomad.example.com job.hcl\nAPI_URL=https://api.example.com\nVAULT_TOKEN=" + token;

        assertThat(VaultAddress.find(text, token)).isEmpty();
    }

    @Test
    void shouldNotAskAboutARecoveryToken() throws Exception {
        String recovery = "hvr." + synthetic.base62(24);

        Verification v = verify(Detected.credential("recover.sh", "VAULT_TOKEN=" + recovery + "\n", "vault-recovery-token"));

        assertThat(v.status()).isEqualTo(Verification.Status.UNKNOWN);
        issuer.verify(0, anyRequestedFor(anyUrl()));
    }
}
