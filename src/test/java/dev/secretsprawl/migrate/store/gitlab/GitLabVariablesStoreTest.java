package dev.secretsprawl.migrate.store.gitlab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.secretsprawl.migrate.store.Destination;
import dev.secretsprawl.migrate.store.SecretStore;
import dev.secretsprawl.migrate.store.StoreConflictException;
import dev.secretsprawl.migrate.store.StoreException;
import dev.secretsprawl.migrate.store.StoreMetadata;
import dev.secretsprawl.migrate.store.StoredValue;
import dev.secretsprawl.migrate.store.Stores;
import dev.secretsprawl.migrate.store.rest.RestApi;
import dev.secretsprawl.scan.Secret;
import dev.secretsprawl.testing.SyntheticCredentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The GitLab store against a WireMock GitLab answering the documented shapes of the project variables API. */
class GitLabVariablesStoreTest {
    private static final String VARIABLES = "/api/v4/projects/platform%2Fci%2Fapp/variables";
    private static final String SCOPE = "?filter%5Benvironment_scope%5D=%2A";
    private static final Instant NOW = Instant.parse("2026-11-30T03:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SyntheticCredentials synthetic = SyntheticCredentials.random();
    private final String token = synthetic.next("gitlab-pat");
    /** Letters and digits only: GitLab can mask it. */
    private final Secret maskable = new Secret(synthetic.base62(24));
    /** Holds a space and a dollar: GitLab cannot mask it. */
    private final Secret unmaskable = new Secret(synthetic.base62(10) + " $" + synthetic.base62(6));
    private final StoreMetadata metadata = new StoreMetadata("app/.env:3", "fp-1", "team-a", "m-1", NOW);
    private final List<Duration> waits = new ArrayList<>();
    private WireMockServer gitlab;

    @BeforeEach
    void start() {
        gitlab = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        gitlab.start();
    }

    @AfterEach
    void stop() {
        gitlab.stop();
    }

    private SecretStore store() throws Exception {
        return Stores.open(Destination.parse("gitlab://platform/ci/app"),
                Map.of("GITLAB_TOKEN", token, "CI_SERVER_URL", gitlab.baseUrl()));
    }

    private void variable(String key, ResponseDefinitionBuilder answer) {
        gitlab.stubFor(get(urlEqualTo(VARIABLES + "/" + key + SCOPE)).withHeader("PRIVATE-TOKEN", equalTo(token))
                .willReturn(answer));
    }

    /** GitLab's documented variable answer; a hidden variable comes back with a null value. */
    private static ResponseDefinitionBuilder variableJson(String key, Secret value, boolean hidden, String description) {
        ObjectNode v = JSON.createObjectNode();
        v.put("variable_type", "env_var").put("key", key).put("protected", true).put("masked", hidden)
                .put("hidden", hidden).put("raw", true).put("environment_scope", "*").put("description", description);
        if (hidden) {
            v.putNull("value");
        } else {
            v.put("value", value.reveal());
        }
        return okJson(v.toString());
    }

    private static ResponseDefinitionBuilder status(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static final ResponseDefinitionBuilder NOT_FOUND = status(404, "{\"message\": \"404 Variable Not Found\"}");

    private JsonNode sent(com.github.tomakehurst.wiremock.matching.RequestPatternBuilder request) throws Exception {
        return JSON.readTree(gitlab.findAll(request).get(0).getBodyAsString());
    }

    @Test
    void shouldCreateAProtectedRawMaskedHiddenVariableWithOurCountInItsDescription() throws Exception {
        variable("DB_PASSWORD", NOT_FOUND);
        gitlab.stubFor(post(urlEqualTo(VARIABLES)).willReturn(status(201, "{}")));

        int version = store().write("DB_PASSWORD", maskable, metadata, 0);

        assertThat(version).isEqualTo(1);
        JsonNode body = sent(postRequestedFor(urlEqualTo(VARIABLES)).withHeader("PRIVATE-TOKEN", equalTo(token)));
        assertThat(body.path("key").asText()).isEqualTo("DB_PASSWORD");
        assertThat(body.path("value").asText()).isEqualTo(maskable.reveal());
        assertThat(body.path("variable_type").asText()).isEqualTo("env_var");
        assertThat(body.path("environment_scope").asText()).isEqualTo("*");
        for (String flag : List.of("protected", "masked", "masked_and_hidden", "raw")) {
            assertThat(body.path(flag).asBoolean()).as(flag).isTrue();
        }
        assertThat(body.path("description").asText()).startsWith("sprawl-version=1; source=app/.env:3; fingerprint=fp-1")
                .contains("migration-id=m-1").doesNotContain(maskable.reveal());
    }

    @Test
    void shouldStoreAValueGitLabCannotMaskUnmaskedAndVisible() throws Exception {
        variable("DB_PASSWORD", NOT_FOUND);
        gitlab.stubFor(post(urlEqualTo(VARIABLES)).willReturn(status(201, "{}")));

        store().write("DB_PASSWORD", unmaskable, metadata, 0);

        JsonNode body = sent(postRequestedFor(urlEqualTo(VARIABLES)));
        assertThat(body.path("masked").asBoolean()).isFalse();
        assertThat(body.path("masked_and_hidden").asBoolean()).isFalse();
        assertThat(body.path("raw").asBoolean()).as("a $ must not be expanded").isTrue();
    }

    @Test
    void shouldUpdateOurVariableAsTheNextVersion() throws Exception {
        variable("DB_PASSWORD", variableJson("DB_PASSWORD", maskable, true, "sprawl-version=1; source=app/.env:3"));
        gitlab.stubFor(put(urlEqualTo(VARIABLES + "/DB_PASSWORD" + SCOPE)).willReturn(okJson("{}")));
        Secret rotated = new Secret(synthetic.base62(24));

        int version = store().write("DB_PASSWORD", rotated, metadata, 1);

        assertThat(version).isEqualTo(2);
        JsonNode body = sent(putRequestedFor(urlEqualTo(VARIABLES + "/DB_PASSWORD" + SCOPE)));
        assertThat(body.path("value").asText()).isEqualTo(rotated.reveal());
        assertThat(body.path("masked").asBoolean()).isTrue();
        assertThat(body.has("masked_and_hidden")).as("GitLab takes it on create only").isFalse();
        assertThat(body.path("description").asText()).startsWith("sprawl-version=2;");
    }

    @Test
    void shouldGiveTheVersionOfAHiddenVariableWithoutAValue() throws Exception {
        variable("HIDDEN", variableJson("HIDDEN", maskable, true, "sprawl-version=3; source=x"));
        variable("SHOWN", variableJson("SHOWN", unmaskable, false, "sprawl-version=2; source=x"));
        variable("THEIRS", variableJson("THEIRS", unmaskable, false, "made by hand"));
        variable("NONE", NOT_FOUND);
        SecretStore store = store();

        assertThat(store.current("HIDDEN")).contains(new StoredValue(3, Optional.empty()));
        StoredValue shown = store.current("SHOWN").orElseThrow();
        assertThat(shown.version()).isEqualTo(2);
        assertThat(shown.value().map(Secret::reveal)).contains(unmaskable.reveal());
        assertThat(shown.toString()).doesNotContain(unmaskable.reveal());
        assertThat(store.version("SHOWN", 2).map(Secret::reveal)).contains(unmaskable.reveal());
        assertThat(store.version("SHOWN", 1)).isEmpty();
        assertThat(store.current("THEIRS").map(StoredValue::version)).contains(1);
        assertThat(store.current("NONE")).isEmpty();
        assertThat(store.readable()).isFalse();
    }

    @Test
    void shouldRefuseAWriteThatDoesNotFindTheExpectedVersion() throws Exception {
        variable("OURS", variableJson("OURS", maskable, true, "sprawl-version=2; source=x"));
        variable("THEIRS", variableJson("THEIRS", unmaskable, false, ""));
        variable("GONE", NOT_FOUND);
        SecretStore store = store();

        assertThatThrownBy(() -> store.write("OURS", maskable, metadata, 1)).isInstanceOf(StoreConflictException.class)
                .satisfies(e -> assertThat(((StoreConflictException) e).foundVersion()).isEqualTo(2));
        assertThatThrownBy(() -> store.write("THEIRS", maskable, metadata, 0)).isInstanceOf(StoreConflictException.class);
        assertThatThrownBy(() -> store.write("GONE", maskable, metadata, 1)).isInstanceOf(StoreConflictException.class);
        gitlab.verify(0, postRequestedFor(anyUrl()));
        gitlab.verify(0, putRequestedFor(anyUrl()));
    }

    @Test
    void shouldRefuseToPutAnUnmaskableValueIntoAHiddenVariable() throws Exception {
        variable("DB_PASSWORD", variableJson("DB_PASSWORD", maskable, true, "sprawl-version=1"));

        assertThatThrownBy(() -> store().write("DB_PASSWORD", unmaskable, metadata, 1)).isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot unhide")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(unmaskable.reveal()).doesNotContain(token));
        gitlab.verify(0, putRequestedFor(anyUrl()));
    }

    @Test
    void shouldReportGitLabsValidationMessageWithoutTheValue() throws Exception {
        variable("DB_PASSWORD", NOT_FOUND);
        gitlab.stubFor(post(urlEqualTo(VARIABLES)).willReturn(status(400,
                "{\"message\": {\"value\": [\"is invalid\", \"" + maskable.reveal() + " cannot be masked\"]}}")));

        assertThatThrownBy(() -> store().write("DB_PASSWORD", maskable, metadata, 0)).isInstanceOf(StoreException.class)
                .hasMessageContaining("400").hasMessageContaining("value is invalid")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(maskable.reveal()).doesNotContain(token));
    }

    @Test
    void shouldSayWhatToDoWhenGitLabRefusesTheToken() throws Exception {
        variable("A", status(401, "{\"message\": \"401 Unauthorized\"}"));
        variable("B", status(403, "{\"message\": \"403 Forbidden\"}"));
        variable("C", status(404, "{\"message\": \"404 Project Not Found\"}"));
        gitlab.stubFor(post(urlEqualTo(VARIABLES)).willReturn(status(404, "{\"message\": \"404 Project Not Found\"}")));
        SecretStore store = store();

        assertThatThrownBy(() -> store.current("A")).hasMessageContaining("GITLAB_TOKEN");
        assertThatThrownBy(() -> store.current("B")).hasMessageContaining("Maintainer");
        assertThatThrownBy(() -> store.write("C", maskable, metadata, 0)).hasMessageContaining("does not show platform/ci/app")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(maskable.reveal()).doesNotContain(token));
    }

    @Test
    void shouldRejectKeysGitLabRefusesBeforeAnyRequest() throws Exception {
        SecretStore store = store();

        assertThatThrownBy(() -> store.write("DB-PASSWORD", maskable, metadata, 0)).isInstanceOf(StoreException.class)
                .hasMessageContaining("not a valid GitLab variable key");
        assertThatThrownBy(() -> store.current("X".repeat(256))).isInstanceOf(StoreException.class);
        assertThat(gitlab.getAllServeEvents()).isEmpty();
    }

    @Test
    void shouldRetryOnceAfterARateLimitThatAsksForAShortWait() throws Exception {
        RestApi api = new RestApi("GitLab", URI.create(gitlab.baseUrl()), Map.of("PRIVATE-TOKEN", token),
                Duration.ofSeconds(5), waits::add, Clock.fixed(NOW, ZoneOffset.UTC));
        SecretStore store = new GitLabVariablesStore(api, "platform/ci/app");
        gitlab.stubFor(get(urlEqualTo(VARIABLES + "/DB_PASSWORD" + SCOPE)).inScenario("limit")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("calm")
                .willReturn(status(429, "{\"message\": \"Retry later\"}").withHeader("Retry-After", "2")));
        gitlab.stubFor(get(urlEqualTo(VARIABLES + "/DB_PASSWORD" + SCOPE)).inScenario("limit")
                .whenScenarioStateIs("calm").willReturn(NOT_FOUND));

        assertThat(store.current("DB_PASSWORD")).isEmpty();
        assertThat(waits).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void shouldNeedATokenAndAProjectPath() {
        assertThatThrownBy(() -> Stores.open(Destination.parse("gitlab://platform/app"), Map.of()))
                .hasMessageContaining("set GITLAB_TOKEN");
        assertThatThrownBy(() -> Stores.open(Destination.parse("gitlab://platform"), Map.of("GITLAB_TOKEN", token)))
                .hasMessageContaining("gitlab://GROUP/PROJECT").satisfies(e -> assertThat(e.getMessage()).doesNotContain(token));
    }

    @Test
    void shouldLocateTheVariableAsAShellReference() throws Exception {
        assertThat(store().locate("DB_PASSWORD")).isEqualTo("$DB_PASSWORD in platform/ci/app");
        assertThat(store().describe()).isEqualTo("gitlab://platform/ci/app");
    }
}
