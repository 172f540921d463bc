package dev.secretsprawl.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The double answers in the shapes of Vault's API documentation (KV v2, AppRole, token). */
class VaultDoubleTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final VaultDouble vault = new VaultDouble().start();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void stop() {
        vault.close();
    }

    private record Answer(int status, JsonNode body) {
    }

    private Answer call(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(vault.baseUrl() + path)).timeout(Duration.ofSeconds(5))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            r.header("X-Vault-Token", token);
        }
        HttpResponse<String> response = client.send(r.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body()));
    }

    private Answer write(String cas, String value) throws Exception {
        return call("POST", "/v1/secret/data/ci/app/K", vault.rootToken(),
                "{\"options\":{\"cas\":" + cas + "},\"data\":{\"value\":\"" + value + "\"}}");
    }

    @Test
    void shouldAnswerAWriteWithTheNewVersionsMetadata() throws Exception {
        Answer a = write("0", "one");
        assertThat(a.status()).isEqualTo(200);
        JsonNode data = a.body().path("data");
        assertThat(data.path("version").asInt()).isEqualTo(1);
        assertThat(data.path("deletion_time").asText()).isEmpty();
        assertThat(data.path("destroyed").asBoolean()).isFalse();
        assertThat(data.has("created_time")).isTrue();
        assertThat(data.path("custom_metadata").isNull()).isTrue();
    }

    @Test
    void shouldRefuseAWriteWhoseCasIsNotTheCurrentVersion() throws Exception {
        write("0", "one");
        Answer a = write("0", "two");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.body().path("errors").get(0).asText()).isEqualTo("check-and-set parameter did not match the current version");
        assertThat(write("1", "two").status()).isEqualTo(200);
        assertThat(call("PUT", "/v1/secret/data/ci/app/K", vault.rootToken(), "{\"data\":{\"value\":\"three\"}}").status())
                .isEqualTo(200);
        assertThat(vault.currentVersion("secret", "ci/app/K")).isEqualTo(3);
    }

    @Test
    void shouldReadTheLatestOrAnAskedVersion() throws Exception {
        write("0", "one");
        write("1", "two");
        JsonNode latest = call("GET", "/v1/secret/data/ci/app/K", vault.rootToken(), null).body().path("data");
        assertThat(latest.path("data").path("value").asText()).isEqualTo("two");
        assertThat(latest.path("metadata").path("version").asInt()).isEqualTo(2);
        JsonNode first = call("GET", "/v1/secret/data/ci/app/K?version=1", vault.rootToken(), null).body().path("data");
        assertThat(first.path("data").path("value").asText()).isEqualTo("one");
        assertThat(vault.value("secret", "ci/app/K", 1)).contains("one");
    }

    @Test
    void shouldAnswer404WithNoErrorsForAMissingSecret() throws Exception {
        Answer a = call("GET", "/v1/secret/data/ci/app/none", vault.rootToken(), null);
        assertThat(a.status()).isEqualTo(404);
        assertThat(a.body().path("errors").isArray()).isTrue();
        assertThat(a.body().path("errors")).isEmpty();
        assertThat(call("GET", "/v1/secret/metadata/ci/app/none", vault.rootToken(), null).status()).isEqualTo(404);
    }

    @Test
    void shouldAnswer404WithTheDeletionTimeForADeletedVersion() throws Exception {
        write("0", "one");
        assertThat(call("DELETE", "/v1/secret/data/ci/app/K", vault.rootToken(), null).status()).isEqualTo(204);
        Answer a = call("GET", "/v1/secret/data/ci/app/K", vault.rootToken(), null);
        assertThat(a.status()).isEqualTo(404);
        assertThat(a.body().path("data").path("data").isNull()).isTrue();
        assertThat(a.body().path("data").path("metadata").path("deletion_time").asText()).isNotEmpty();
        call("POST", "/v1/secret/destroy/ci/app/K", vault.rootToken(), "{\"versions\":[1]}");
        assertThat(call("GET", "/v1/secret/metadata/ci/app/K", vault.rootToken(), null).body()
                .path("data").path("versions").path("1").path("destroyed").asBoolean()).isTrue();
    }

    @Test
    void shouldKeepCustomMetadataAndListVersions() throws Exception {
        write("0", "one");
        Answer posted = call("POST", "/v1/secret/metadata/ci/app/K", vault.rootToken(),
                "{\"custom_metadata\":{\"owner\":\"team-ci\"}}");
        assertThat(posted.status()).isEqualTo(204);
        JsonNode data = call("GET", "/v1/secret/metadata/ci/app/K", vault.rootToken(), null).body().path("data");
        assertThat(data.path("current_version").asInt()).isEqualTo(1);
        assertThat(data.path("custom_metadata").path("owner").asText()).isEqualTo("team-ci");
        assertThat(data.path("versions").path("1").path("deletion_time").asText()).isEmpty();
        assertThat(data.has("cas_required")).isTrue();
        assertThat(vault.customMetadata("secret", "ci/app/K")).containsEntry("owner", "team-ci");
    }

    @Test
    void shouldDenyMissingUnknownAndUnprivilegedTokensAsVaultDocumentsIt() throws Exception {
        Answer none = call("GET", "/v1/secret/data/ci/app/K", null, null);
        assertThat(none.status()).isEqualTo(403);
        assertThat(none.body().path("errors").toString()).contains("permission denied");
        Answer unknown = call("GET", "/v1/secret/data/ci/app/K", "hvs.unknown", null);
        assertThat(unknown.status()).isEqualTo(403);
        assertThat(unknown.body().path("errors").toString()).contains("permission denied").contains("invalid token");
        Answer limited = call("GET", "/v1/secret/data/ci/app/K", vault.issueTokenWithoutKvPolicy(), null);
        assertThat(limited.body().path("errors").toString()).contains("permission denied").doesNotContain("invalid token");
        assertThat(call("GET", "/v1/nomount/data/x", vault.rootToken(), null).status()).isEqualTo(404);
    }

    @Test
    void shouldLogInWithAppRoleAndIssueAWorkingToken() throws Exception {
        vault.approle("role-1", "secret-1");
        assertThat(call("POST", "/v1/auth/approle/login", null, "{\"role_id\":\"role-1\",\"secret_id\":\"nope\"}").status())
                .isEqualTo(400);
        Answer login = call("POST", "/v1/auth/approle/login", null, "{\"role_id\":\"role-1\",\"secret_id\":\"secret-1\"}");
        assertThat(login.status()).isEqualTo(200);
        String token = login.body().path("auth").path("client_token").asText();
        assertThat(login.body().path("auth").path("token_policies").isArray()).isTrue();
        assertThat(call("GET", "/v1/auth/token/lookup-self", token, null).body().path("data").path("id").asText())
                .isEqualTo(token);
    }

    @Test
    void shouldForgetARevokedToken() throws Exception {
        String token = vault.issueToken();
        assertThat(call("POST", "/v1/auth/token/revoke-self", token, null).status()).isEqualTo(204);
        assertThat(vault.isRevoked(token)).isTrue();
        Answer after = call("GET", "/v1/auth/token/lookup-self", token, null);
        assertThat(after.status()).isEqualTo(403);
        assertThat(after.body().path("errors").toString()).contains("invalid token");
    }

    @Test
    void shouldAnswerAsASealedOrRateLimitedVault() throws Exception {
        vault.sealed(true);
        assertThat(call("GET", "/v1/auth/token/lookup-self", vault.rootToken(), null).status()).isEqualTo(503);
        vault.rateLimited(true);
        assertThat(call("GET", "/v1/auth/token/lookup-self", vault.rootToken(), null).status()).isEqualTo(429);
        vault.rateLimited(false);
        assertThat(call("GET", "/v1/auth/token/lookup-self", vault.rootToken(), null).status()).isEqualTo(200);
    }
}
