package dev.secretsprawl.migrate.store.vault;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.secretsprawl.migrate.store.Destination;
import dev.secretsprawl.migrate.store.SecretStore;
import dev.secretsprawl.migrate.store.StoreConflictException;
import dev.secretsprawl.migrate.store.StoreException;
import dev.secretsprawl.migrate.store.StoreMetadata;
import dev.secretsprawl.migrate.store.StoredValue;
import dev.secretsprawl.migrate.store.Stores;
import dev.secretsprawl.scan.Secret;
import dev.secretsprawl.testing.SyntheticCredentials;
import dev.secretsprawl.testing.VaultDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VaultKvStoreTest {
    private static final String DEST = "vault:///secret/ci/app";
    private static final StoreMetadata META = new StoreMetadata("repo/.env:3", "fp-3f9a", "team-ci", "mig-0001",
            Instant.parse("2026-11-30T03:00:00Z"));

    private final SyntheticCredentials synthetic = SyntheticCredentials.random();
    private final String value = "pw-" + synthetic.base62(24);
    private final List<String> messages = new ArrayList<>();
    private VaultDouble vault;

    @BeforeEach
    void startVault() {
        vault = new VaultDouble().start();
    }

    @AfterEach
    void stopVault() {
        vault.close();
        for (String m : messages) {
            assertThat(m).doesNotContain(value).doesNotContain(vault.rootToken());
        }
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("VAULT_ADDR", vault.baseUrl());
        env.put("VAULT_TOKEN", vault.rootToken());
        env.put("VAULT_CLIENT_TIMEOUT", "5");
        return env;
    }

    private SecretStore open(Map<String, String> env) throws IOException {
        return Stores.open(Destination.parse(DEST), env);
    }

    /** Runs CALL, expecting a StoreException, and keeps its message for the no-secret check. */
    private StoreException failure(ThrowingCall call) {
        try {
            call.run();
        } catch (StoreException e) {
            messages.add(e.getMessage());
            return e;
        } catch (Exception e) {
            throw new AssertionError("expected a StoreException, got " + e.getClass().getSimpleName());
        }
        throw new AssertionError("expected a StoreException");
    }

    @FunctionalInterface
    private interface ThrowingCall {
        void run() throws Exception;
    }

    @Test
    void shouldCreateVersionOneWithCheckAndSetZero() throws Exception {
        try (SecretStore store = open(env())) {
            assertThat(store.write("DB_PASSWORD", new Secret(value), META, 0)).isEqualTo(1);
        }
        assertThat(vault.value("secret", "ci/app/DB_PASSWORD", 1)).contains(value);
        vault.server().verify(postRequestedFor(urlPathEqualTo("/v1/secret/data/ci/app/DB_PASSWORD"))
                .withRequestBody(WireMock.matchingJsonPath("$.options.cas", equalTo("0"))));
    }

    @Test
    void shouldRefuseASecondCreateNamingTheVersionFound() throws Exception {
        try (SecretStore store = open(env())) {
            store.write("DB_PASSWORD", new Secret(value), META, 0);
            StoreException e = failure(() -> store.write("DB_PASSWORD", new Secret(value + "x"), META, 0));
            assertThat(e).isInstanceOf(StoreConflictException.class);
            assertThat(((StoreConflictException) e).foundVersion()).isEqualTo(1);
        }
        assertThat(vault.currentVersion("secret", "ci/app/DB_PASSWORD")).isEqualTo(1);
    }

    @Test
    void shouldWriteVersionTwoAndReadBothBack() throws Exception {
        String rotated = "pw-" + synthetic.base62(24);
        try (SecretStore store = open(env())) {
            store.write("DB_PASSWORD", new Secret(value), META, 0);
            assertThat(store.write("DB_PASSWORD", new Secret(rotated), META, 1)).isEqualTo(2);

            Optional<StoredValue> current = store.current("DB_PASSWORD");
            assertThat(current).isPresent();
            assertThat(current.get().version()).isEqualTo(2);
            assertThat(current.get().value().orElseThrow().reveal()).isEqualTo(rotated);
            assertThat(current.get().toString()).doesNotContain(rotated);
            assertThat(store.version("DB_PASSWORD", 1).orElseThrow().reveal()).isEqualTo(value);
            assertThat(store.version("DB_PASSWORD", 3)).isEmpty();
        }
    }

    @Test
    void shouldWriteAllFiveCustomMetadataFields() throws Exception {
        try (SecretStore store = open(env())) {
            store.write("DB_PASSWORD", new Secret(value), META, 0);
        }
        assertThat(vault.customMetadata("secret", "ci/app/DB_PASSWORD")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "source", "repo/.env:3", "fingerprint", "fp-3f9a", "owner", "team-ci", "migration-id", "mig-0001",
                "migrated-at", "2026-11-30T03:00:00Z"));
    }

    @Test
    void shouldReportNothingForAMissingOrDeletedKey() throws Exception {
        try (SecretStore store = open(env())) {
            assertThat(store.current("NOPE")).isEmpty();
            assertThat(store.version("NOPE", 1)).isEmpty();
            store.write("DB_PASSWORD", new Secret(value), META, 0);
            vault.deleteLatest("secret", "ci/app/DB_PASSWORD");
            assertThat(store.current("DB_PASSWORD")).isEmpty();
            assertThat(store.version("DB_PASSWORD", 1)).isEmpty();
        }
    }

    @Test
    void shouldSendTheNamespaceOfVaultNamespace() throws Exception {
        Map<String, String> env = env();
        env.put("VAULT_NAMESPACE", "team-ci");
        try (SecretStore store = open(env)) {
            store.write("DB_PASSWORD", new Secret(value), META, 0);
            store.current("DB_PASSWORD");
        }
        assertThat(vault.server().getAllServeEvents()).isNotEmpty().allSatisfy(event ->
                assertThat(event.getRequest().getHeader("X-Vault-Namespace")).isEqualTo("team-ci"));
    }

    @Test
    void shouldLogInWithAppRoleWhenNoTokenIsSet() throws Exception {
        String roleId = java.util.UUID.randomUUID().toString();
        String secretId = java.util.UUID.randomUUID().toString();
        vault.approle(roleId, secretId);
        Map<String, String> env = env();
        env.remove("VAULT_TOKEN");
        env.put("VAULT_ROLE_ID", roleId);
        env.put("VAULT_SECRET_ID", secretId);
        try (SecretStore store = open(env)) {
            assertThat(store.write("DB_PASSWORD", new Secret(value), META, 0)).isEqualTo(1);
        }
        vault.server().verify(1, postRequestedFor(urlPathEqualTo("/v1/auth/approle/login")));
        vault.server().verify(1, postRequestedFor(urlPathEqualTo("/v1/auth/token/revoke-self")));
        assertThat(vault.customMetadata("secret", "ci/app/DB_PASSWORD")).containsKey("fingerprint");
    }

    @Test
    void shouldSayAWrongAppRoleSecretIdIsWrongWithoutQuotingIt() throws Exception {
        String roleId = java.util.UUID.randomUUID().toString();
        vault.approle(roleId, java.util.UUID.randomUUID().toString());
        Map<String, String> env = env();
        env.remove("VAULT_TOKEN");
        env.put("VAULT_ROLE_ID", roleId);
        String wrong = java.util.UUID.randomUUID().toString();
        env.put("VAULT_SECRET_ID", wrong);
        try (SecretStore store = open(env)) {
            StoreException e = failure(() -> store.current("DB_PASSWORD"));
            assertThat(e.getMessage()).contains("AppRole").contains("VAULT_SECRET_ID").doesNotContain(wrong);
        }
    }

    @Test
    void shouldSayWhichPolicyIsMissingOn403() throws Exception {
        Map<String, String> env = env();
        String limited = vault.issueTokenWithoutKvPolicy();
        env.put("VAULT_TOKEN", limited);
        try (SecretStore store = open(env)) {
            StoreException e = failure(() -> store.write("DB_PASSWORD", new Secret(value), META, 0));
            assertThat(e.getMessage()).contains("policy").contains("secret/data/ci/app/DB_PASSWORD")
                    .doesNotContain(limited);
        }
    }

    @Test
    void shouldSayARevokedTokenMustBeRenewed() throws Exception {
        Map<String, String> env = env();
        String revoked = vault.issueToken();
        env.put("VAULT_TOKEN", revoked);
        try (SecretStore store = open(env)) {
            store.write("DB_PASSWORD", new Secret(value), META, 0);
            vault.revoke(revoked);
            StoreException e = failure(() -> store.current("DB_PASSWORD"));
            assertThat(e.getMessage()).contains("invalid, expired or revoked").doesNotContain(revoked);
        }
    }

    @Test
    void shouldSayVaultIsSealedOn503() throws Exception {
        vault.sealed(true);
        try (SecretStore store = open(env())) {
            assertThat(failure(() -> store.write("DB_PASSWORD", new Secret(value), META, 0)).getMessage())
                    .contains("sealed").contains("unseal");
            assertThat(failure(() -> store.current("DB_PASSWORD")).getMessage()).contains("sealed");
        }
    }

    @Test
    void shouldSayVaultRateLimitedOn429() throws Exception {
        vault.rateLimited(true);
        try (SecretStore store = open(env())) {
            assertThat(failure(() -> store.write("DB_PASSWORD", new Secret(value), META, 0)).getMessage())
                    .contains("rate limited").contains("again");
            assertThat(failure(() -> store.version("DB_PASSWORD", 1)).getMessage()).contains("rate limited");
        }
    }

    @Test
    void shouldSayAnAddressNobodyListensOnIsUnreachable() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Map<String, String> env = env();
        env.put("VAULT_ADDR", "http://127.0.0.1:" + port);
        try (SecretStore store = open(env)) {
            assertThat(failure(() -> store.write("DB_PASSWORD", new Secret(value), META, 0)).getMessage())
                    .contains("cannot reach Vault at http://127.0.0.1:" + port).contains("VAULT_ADDR");
        }
    }

    @Test
    void shouldSayAMountThatIsNoKvEngineHasNone() throws Exception {
        try (SecretStore store = Stores.open(Destination.parse("vault:///kv2/ci"), env())) {
            assertThat(failure(() -> store.write("DB_PASSWORD", new Secret(value), META, 0)).getMessage())
                    .contains("no KV v2 engine").contains("vault secrets list");
        }
    }

    @Test
    void shouldSayAMissingMountOnReadsToo() throws Exception {
        try (SecretStore store = Stores.open(Destination.parse("vault:///kv2/ci"), env())) {
            assertThat(failure(() -> store.current("DB_PASSWORD")).getMessage()).contains("no KV v2 engine");
        }
    }

    @Test
    void shouldGiveUpOnAVaultThatDoesNotAnswerInTime() throws Exception {
        Map<String, String> env = env();
        env.put("VAULT_CLIENT_TIMEOUT", "1");
        vault.slow(java.time.Duration.ofSeconds(4));
        try (SecretStore store = open(env)) {
            assertThat(failure(() -> store.write("DB_PASSWORD", new Secret(value), META, 0)).getMessage())
                    .contains("did not answer within 1 s");
        }
    }

    @Test
    void shouldRefuseToOpenWithoutACredential() {
        Map<String, String> env = env();
        env.remove("VAULT_TOKEN");
        assertThat(failure(() -> open(env)).getMessage()).contains("VAULT_TOKEN").contains("VAULT_ROLE_ID");
    }

    @Test
    void shouldDescribeAndLocateWithoutTheToken() throws Exception {
        try (SecretStore store = open(env())) {
            assertThat(store.describe()).isEqualTo("vault://" + vault.address().getAuthority() + "/secret/ci/app");
            assertThat(store.locate("DB_PASSWORD")).isEqualTo("vault kv path secret/ci/app/DB_PASSWORD (field value)");
            assertThat(store.readable()).isTrue();
        }
    }
}
