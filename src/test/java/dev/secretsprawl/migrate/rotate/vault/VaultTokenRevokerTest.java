package dev.secretsprawl.migrate.rotate.vault;

import dev.secretsprawl.migrate.rotate.AdminAccess;
import dev.secretsprawl.migrate.rotate.IssuerActions;
import dev.secretsprawl.testing.VaultDouble;
import dev.secretsprawl.verify.Credential;
import dev.secretsprawl.verify.Detected;
import dev.secretsprawl.verify.Endpoints;
import dev.secretsprawl.verify.Verification;
import dev.secretsprawl.verify.VerifyContext;
import dev.secretsprawl.verify.api.VaultVerifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VaultTokenRevokerTest {
    private final VaultTokenRevoker revoker = new VaultTokenRevoker();
    private final VerifyContext context = new VerifyContext(Endpoints.defaults(), Duration.ofSeconds(5));
    private VaultDouble vault;
    private String token;

    @BeforeEach
    void startVault() {
        vault = new VaultDouble().start();
        token = vault.issueToken();
    }

    @AfterEach
    void stopVault() {
        vault.close();
    }

    /** The legacy token as the scanner finds it, with its Vault's address written above it. */
    private Credential legacy() {
        return Detected.credential("deploy.env", "VAULT_ADDR=" + vault.baseUrl() + "\nVAULT_TOKEN=" + token + "\n",
                "vault-service-token");
    }

    @Test
    void shouldRevokeTheTokenSoLookupSelfCallsItDead() throws Exception {
        Credential legacy = legacy();
        assertThat(new VaultVerifier().verify(legacy, context).status()).isEqualTo(Verification.Status.LIVE);

        assertThat(revoker.cannotRevoke(legacy, AdminAccess.none())).isEmpty();
        revoker.revoke(legacy, AdminAccess.none(), context);

        assertThat(vault.isRevoked(token)).isTrue();
        Verification after = new VaultVerifier().verify(legacy, context);
        assertThat(after.status()).isEqualTo(Verification.Status.DEAD);
        assertThat(after.toString()).doesNotContain(token);
        vault.server().verify(postRequestedFor(urlPathEqualTo("/v1/auth/token/revoke-self"))
                .withHeader("X-Vault-Token", equalTo(token)));
    }

    @Test
    void shouldTakeARevokedTokenAsRevokedAgain() throws Exception {
        Credential legacy = legacy();
        revoker.revoke(legacy, AdminAccess.none(), context);
        revoker.revoke(legacy, AdminAccess.none(), context);
        assertThat(vault.isRevoked(token)).isTrue();
    }

    @Test
    void shouldUseTheConfiguredVaultWhenNoAddressIsWritten() throws Exception {
        Credential legacy = Detected.credential("deploy.env", "VAULT_TOKEN=" + token + "\n", "vault-service-token");
        VerifyContext configured = new VerifyContext(Endpoints.with(Map.of("vault", vault.address())), Duration.ofSeconds(5));
        revoker.revoke(legacy, AdminAccess.none(), configured);
        assertThat(vault.isRevoked(token)).isTrue();
    }

    @Test
    void shouldAskForTheVaultWhenNoneIsKnown() {
        Credential legacy = Detected.credential("deploy.env", "VAULT_TOKEN=" + token + "\n", "vault-service-token");
        assertThatThrownBy(() -> revoker.revoke(legacy, AdminAccess.none(), context))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("--verify-endpoint vault=")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(token));
        assertThat(vault.isRevoked(token)).isFalse();
    }

    @Test
    void shouldSayASealedVaultMustBeUnsealedFirst() {
        vault.sealed(true);
        assertThatThrownBy(() -> revoker.revoke(legacy(), AdminAccess.none(), context))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("sealed")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(token));
    }

    @Test
    void shouldSayABatchTokenCannotBeRevoked() {
        String batch = "hvb." + token.substring(4);
        Credential legacy = Detected.credential("deploy.env", "VAULT_ADDR=" + vault.baseUrl() + "\nVAULT_TOKEN=" + batch + "\n",
                "vault-batch-token");
        assertThat(revoker.cannotRevoke(legacy, AdminAccess.none())).hasValueSatisfying(reason ->
                assertThat(reason).contains("batch").doesNotContain(batch));
    }

    @Test
    void shouldBeTheStandardRevokerOfVaultTokens() {
        assertThat(IssuerActions.standard().revoker(legacy())).containsInstanceOf(VaultTokenRevoker.class);
    }
}
