package dev.secretsprawl.verify.api;

import dev.secretsprawl.verify.IssuerAnswers;
import com.fasterxml.jackson.databind.JsonNode;
import dev.secretsprawl.verify.Credential;
import dev.secretsprawl.verify.Http;
import dev.secretsprawl.verify.Verification;
import dev.secretsprawl.verify.Verifier;
import dev.secretsprawl.verify.VerifyContext;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * HashiCorp Vault tokens, asked of {@code GET /v1/auth/token/lookup-self}
 * (https://developer.hashicorp.com/vault/api-docs/auth/token#lookup-a-token-self). Vault documents its 403s
 * (https://developer.hashicorp.com/vault/docs/concepts/tokens#error-responses): a revoked, expired or unknown token
 * gets {@code invalid token} with {@code permission denied}; a valid token whose policies lack lookup-self
 * (created without the default policy) gets {@code permission denied} alone. So only "invalid token" is dead;
 * a bare "permission denied" stays unknown (older Vaults answer a bad token that way too: we cannot tell).
 * Recovery tokens work only while Vault runs in recovery mode: no check.
 * The token goes to the Vault written next to it ({@link VaultAddress}), else to the one the operator named with
 * {@code --verify-endpoint vault=URL}; never to a default or to the scanning machine's own {@code VAULT_ADDR}, whose
 * "invalid token" would say nothing about a token of another Vault.
 */
public final class VaultVerifier implements Verifier {
    static final String ISSUER = "vault";
    private static final String VENDOR = "Vault";

    @Override
    public Set<String> issuers() {
        return Set.of(ISSUER);
    }

    @Override
    public String scope(Credential credential) {
        return VaultAddress.find(credential.context().reveal(), credential.secret().reveal())
                .map(URI::toString).orElse("");
    }

    @Override
    public Verification verify(Credential credential, VerifyContext context) throws IOException, InterruptedException {
        String token = credential.secret().reveal();
        if (credential.ruleId().equals("vault-recovery-token") || token.startsWith("r.")) {
            return Verification.unknown("a Vault recovery token works only in recovery mode: no safe check");
        }
        Optional<URI> written = VaultAddress.find(credential.context().reveal(), token);
        Optional<URI> configured = context.endpoints().of(ISSUER);
        if (written.isEmpty() && configured.isEmpty()) {
            return Verification.unknown("no Vault address next to the token; set --verify-endpoint vault=URL");
        }
        URI base = written.orElseGet(configured::get);
        Http http = written.isPresent() ? context.httpTo(base) : context.http(ISSUER);
        Http.Response response = http.get(URI.create(base + "/v1/auth/token/lookup-self"), Map.of("X-Vault-Token", token));
        Optional<Verification> notNow = IssuerAnswers.notNow(VENDOR, response);
        if (notNow.isPresent()) {
            return notNow.get();
        }
        return switch (response.status()) {
            case 200 -> described(IssuerAnswers.json(response).path("data"), credential);
            case 403 -> denied(IssuerAnswers.json(response).path("errors"));
            default -> IssuerAnswers.unexpected(VENDOR, response);
        };
    }

    private static Verification denied(JsonNode errors) {
        boolean invalid = false;
        for (JsonNode error : errors) {
            invalid |= error.asText("").contains("invalid token");
        }
        return invalid ? Verification.dead("Vault says the token is invalid (revoked, expired or unknown)")
                : Verification.unknown("Vault denied lookup-self: the token is invalid, or valid without the default policy");
    }

    private static Verification described(JsonNode data, Credential credential) {
        if (!data.isObject()) {
            return Verification.unknown("Vault answered 200 without the documented token data");
        }
        String name = IssuerAnswers.text(data, "display_name");
        int policies = data.path("policies").size();
        return Verification.live("display name " + (name.isEmpty() ? "(none)" : IssuerAnswers.name(name, credential))
                + ", " + policies + (policies == 1 ? " policy" : " policies"));
    }
}
