package dev.secretsprawl.migrate.store.vault;

import dev.secretsprawl.migrate.store.Destination;
import dev.secretsprawl.migrate.store.StoreException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VaultTargetTest {

    private static VaultTarget target(String destination, Map<String, String> env) throws StoreException {
        return VaultTarget.of(Destination.parse(destination), env);
    }

    @Test
    void shouldTakeVaultAddrWhenTheDestinationNamesNoHost() throws Exception {
        VaultTarget t = target("vault:///secret/ci/app", Map.of("VAULT_ADDR", "https://vault.example.com:8200/"));
        assertThat(t.address()).hasToString("https://vault.example.com:8200");
        assertThat(t.mount()).isEqualTo("secret");
        assertThat(t.prefix()).isEqualTo("ci/app");
        assertThat(t.metadataPath("K")).isEqualTo("/v1/secret/metadata/ci/app/K");
    }

    @Test
    void shouldTakeTheSchemeOfVaultAddrWhenItNamesTheSameHostAndPort() throws Exception {
        assertThat(target("vault://vault.internal:8200/kv/x", Map.of("VAULT_ADDR", "http://vault.internal:8200")).address())
                .hasToString("http://vault.internal:8200");
        assertThat(target("vault://vault.internal:8300/kv/x", Map.of("VAULT_ADDR", "http://vault.internal:8200")).address())
                .hasToString("https://vault.internal:8300");
    }

    @Test
    void shouldTakeVaultAddrWhenTheDestinationNamesItsHostWithoutAPort() throws Exception {
        assertThat(target("vault://vault.internal/kv/x", Map.of("VAULT_ADDR", "https://vault.internal")).address())
                .hasToString("https://vault.internal:443");
    }

    @Test
    void shouldUseHttpsExceptOnLoopbackAndDefaultToPort8200() throws Exception {
        assertThat(target("vault://vault.internal/secret/x", Map.of()).address()).hasToString("https://vault.internal:8200");
        assertThat(target("vault://127.0.0.1:8200/secret/x", Map.of()).address()).hasToString("http://127.0.0.1:8200");
        assertThat(target("vault://localhost/secret/x", Map.of()).address()).hasToString("http://localhost:8200");
    }

    @Test
    void shouldAllowAMountWithoutPrefix() throws Exception {
        VaultTarget t = target("vault://127.0.0.1:8200/secret", Map.of());
        assertThat(t.secretPath("K")).isEqualTo("K");
        assertThat(t.describe()).isEqualTo("vault://127.0.0.1:8200/secret");
    }

    @Test
    void shouldAskForVaultAddrOrAHost() {
        assertThatThrownBy(() -> target("vault:///secret/ci", Map.of())).hasMessageContaining("VAULT_ADDR");
        assertThatThrownBy(() -> target("vault://127.0.0.1:8200/", Map.of())).hasMessageContaining("mount");
        assertThatThrownBy(() -> target("vault:///secret", Map.of("VAULT_ADDR", "vault.example.com")))
                .hasMessageContaining("VAULT_ADDR");
    }
}
