package dev.secretsprawl.migrate.rotate.vault;

import dev.secretsprawl.migrate.rotate.AdminAccess;
import dev.secretsprawl.migrate.rotate.Revoker;
import dev.secretsprawl.verify.Credential;
import dev.secretsprawl.verify.Http;
import dev.secretsprawl.verify.VerifyContext;
import dev.secretsprawl.verify.api.VaultAddress;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Revokes a found Vault token with the token itself: {@code POST /v1/auth/token/revoke-self}
 * (https://developer.hashicorp.com/vault/api-docs/auth/token#revoke-a-token-self), which the default policy
 * grants every service token, so no admin token is needed. The request goes where the verifier's would: to the Vault
 * written next to the token ({@link VaultAddress}), else to {@code --verify-endpoint vault=URL}, through the fenced
 * HTTP of the {@link VerifyContext}. Vault answers 403 to a token it no longer knows, so a second revoke succeeds;
 * the runner's next step (the verifier's lookup-self) proves the token dead.
 */
public final class VaultTokenRevoker implements Revoker {
    static final String ISSUER = "vault";
    private static final String REVOKE_SELF = "/v1/auth/token/revoke-self";

    @Override
    public Set<String> issuers() {
        return Set.of(ISSUER);
    }

    @Override
    public Optional<String> cannotRevoke(Credential legacy, AdminAccess admin) {
        String token = legacy.secret().reveal();
        if (legacy.ruleId().equals("vault-batch-token") || token.startsWith("hvb.") || token.startsWith("b.")) {
            return Optional.of("a Vault batch token cannot be revoked; it dies at the end of its TTL "
                    + "(vault token lookup shows when)");
        }
        if (legacy.ruleId().equals("vault-recovery-token") || token.startsWith("hvr.") || token.startsWith("r.")) {
            return Optional.of("a Vault recovery token works only while Vault runs in recovery mode; "
                    + "restart Vault normally and it is gone");
        }
        return Optional.empty();
    }

    @Override
    public void revoke(Credential legacy, AdminAccess admin, VerifyContext context) throws IOException, InterruptedException {
        String token = legacy.secret().reveal();
        Optional<URI> written = VaultAddress.find(legacy.context().reveal(), token);
        Optional<URI> configured = context.endpoints().of(ISSUER);
        if (written.isEmpty() && configured.isEmpty()) {
            throw new IOException("no Vault address is written next to the token in " + legacy.path()
                    + "; name its Vault with --verify-endpoint vault=https://HOST:8200, or revoke it there with "
                    + "vault token revoke -self");
        }
        URI base = written.orElseGet(configured::get);
        Http http = written.isPresent() ? context.httpTo(base) : context.http(ISSUER);
        Http.Response response = http.post(URI.create(base + REVOKE_SELF), Map.of("X-Vault-Token", token), "");
        int status = response.status();
        if (status == 200 || status == 204 || status == 403) {
            return; // 403: Vault no longer knows the token (revoked, expired): already what we want
        }
        throw new IOException(switch (status) {
            case 429 -> "Vault at " + base + " rate limited the revoke (HTTP 429); run the migration again later";
            case 503 -> "Vault at " + base + " is sealed (HTTP 503); once it is unsealed, run the migration again";
            default -> "Vault at " + base + " answered HTTP " + status + " to revoke-self, which its documentation does "
                    + "not describe; revoke the token by hand (vault token revoke -self) and run the migration again";
        });
    }
}
