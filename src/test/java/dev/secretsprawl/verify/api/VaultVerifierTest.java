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

    private Credential service() {
        return Detected.credential("deploy.env", "VAULT_ADDR=https://vault.acme.internal:8200\nVAULT_TOKEN=" + token + "\n",
                "vault-service-token");
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
    void shouldNotAskAboutARecoveryToken() throws Exception {
        String recovery = "hvr." + synthetic.base62(24);

        Verification v = verify(Detected.credential("recover.sh", "VAULT_TOKEN=" + recovery + "\n", "vault-recovery-token"));

        assertThat(v.status()).isEqualTo(Verification.Status.UNKNOWN);
        issuer.verify(0, anyRequestedFor(anyUrl()));
    }
}
