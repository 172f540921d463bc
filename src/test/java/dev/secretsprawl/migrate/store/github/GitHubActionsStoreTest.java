package dev.secretsprawl.migrate.store.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
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
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The GitHub store against a WireMock GitHub answering the documented shapes of the Actions secrets API. */
class GitHubActionsStoreTest {
    private static final String REPO = "/repos/octo-org/app/actions/secrets";
    private static final String ENV = "/repos/octo-org/app/environments/prod%20eu/secrets";
    private static final Instant NOW = Instant.parse("2026-11-30T03:00:00Z");

    private final SyntheticCredentials synthetic = SyntheticCredentials.random();
    private final String token = synthetic.next("github-pat");
    private final Secret value = new Secret(synthetic.next("password"));
    private final StoreMetadata metadata = new StoreMetadata("app/.env:3", "fp-1", "team-a", "m-1", NOW);
    private final List<Duration> waits = new ArrayList<>();
    private final byte[] scalar = new byte[32];
    private final byte[] publicKey = new byte[32];
    private WireMockServer github;

    @BeforeEach
    void start() {
        github = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        github.start();
        X25519.generatePrivateKey(new SecureRandom(), scalar);
        X25519.generatePublicKey(scalar, 0, publicKey, 0);
    }

    @AfterEach
    void stop() {
        github.stop();
    }

    private SecretStore store(String destination) throws Exception {
        return Stores.open(Destination.parse(destination), Map.of("GITHUB_TOKEN", token, "GITHUB_API_URL", github.baseUrl()));
    }

    /** The store with a recording sleeper and a fixed clock, for the rate-limit cases. */
    private SecretStore patientStore() throws Exception {
        RestApi api = new RestApi("GitHub", URI.create(github.baseUrl()), Map.of("Authorization", "Bearer " + token),
                Duration.ofSeconds(5), waits::add, Clock.fixed(NOW, ZoneOffset.UTC));
        return new GitHubActionsStore(api, GitHubTarget.of(Destination.parse("github://octo-org/app")));
    }

    private void publicKeyAt(String secrets) {
        github.stubFor(get(urlEqualTo(secrets + "/public-key")).willReturn(okJson(
                "{\"key_id\": \"3380204578043523366\", \"key\": \"" + Base64.getEncoder().encodeToString(publicKey) + "\"}")));
    }

    private void secretAt(String secrets, String name, ResponseDefinitionBuilder answer) {
        github.stubFor(get(urlEqualTo(secrets + "/" + name)).willReturn(answer));
    }

    private static ResponseDefinitionBuilder secretJson(String name, String created, String updated) {
        return okJson("{\"name\": \"" + name + "\", \"created_at\": \"" + created + "\", \"updated_at\": \"" + updated + "\"}");
    }

    private static ResponseDefinitionBuilder status(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static final ResponseDefinitionBuilder NOT_FOUND = status(404,
            "{\"message\": \"Not Found\", \"documentation_url\": \"https://docs.github.com/rest\"}");

    private byte[] openedPut(String url) throws Exception {
        LoggedRequest put = github.findAll(putRequestedFor(urlEqualTo(url))).get(0);
        JsonNode body = new ObjectMapper().readTree(put.getBodyAsString());
        assertThat(body.path("key_id").asText()).isEqualTo("3380204578043523366");
        assertThat(put.getBodyAsString()).doesNotContain(value.reveal());
        assertThat(put.getHeader("Authorization")).isEqualTo("Bearer " + token);
        return SealedBoxTest.open(Base64.getDecoder().decode(body.path("encrypted_value").asText()), publicKey, scalar);
    }

    @Test
    void shouldSealTheValueWithTheRepositoryKeyAndCreateTheSecret() throws Exception {
        publicKeyAt(REPO);
        secretAt(REPO, "DB_PASSWORD", NOT_FOUND);
        github.stubFor(put(urlEqualTo(REPO + "/DB_PASSWORD")).willReturn(aResponse().withStatus(201)));

        int version = store("github://octo-org/app").write("DB_PASSWORD", value, metadata, 0);

        assertThat(version).isEqualTo(1);
        assertThat(new String(openedPut(REPO + "/DB_PASSWORD"), StandardCharsets.UTF_8)).isEqualTo(value.reveal());
    }

    @Test
    void shouldWriteEnvironmentSecretsThroughTheEnvironmentEndpoints() throws Exception {
        publicKeyAt(ENV);
        secretAt(ENV, "DB_PASSWORD", secretJson("DB_PASSWORD", "2026-01-01T10:00:00Z", "2026-01-01T10:00:00Z"));
        github.stubFor(put(urlEqualTo(ENV + "/DB_PASSWORD")).willReturn(aResponse().withStatus(204)));

        int version = store("github://octo-org/app/prod%20eu").write("DB_PASSWORD", value, metadata, 1);

        assertThat(version).isEqualTo(2);
        assertThat(new String(openedPut(ENV + "/DB_PASSWORD"), StandardCharsets.UTF_8)).isEqualTo(value.reveal());
    }

    @Test
    void shouldCountAnUntouchedSecretAsOneWriteAndAnUpdatedOneAsTwo() throws Exception {
        secretAt(REPO, "ONCE", secretJson("ONCE", "2026-01-01T10:00:00Z", "2026-01-01T10:00:00Z"));
        secretAt(REPO, "TWICE", secretJson("TWICE", "2026-01-01T10:00:00Z", "2026-02-01T10:00:00Z"));
        secretAt(REPO, "NONE", NOT_FOUND);
        SecretStore store = store("github://octo-org/app");

        assertThat(store.current("ONCE")).contains(new StoredValue(1, Optional.empty()));
        assertThat(store.current("TWICE")).contains(new StoredValue(2, Optional.empty()));
        assertThat(store.current("NONE")).isEmpty();
        assertThat(store.readable()).isFalse();
        assertThat(store.version("ONCE", 1)).isEmpty();
    }

    @Test
    void shouldRefuseToCreateASecretThatAlreadyExists() throws Exception {
        publicKeyAt(REPO);
        secretAt(REPO, "DB_PASSWORD", secretJson("DB_PASSWORD", "2026-01-01T10:00:00Z", "2026-01-01T10:00:00Z"));

        assertThatThrownBy(() -> store("github://octo-org/app").write("DB_PASSWORD", value, metadata, 0))
                .isInstanceOf(StoreConflictException.class)
                .satisfies(e -> assertThat(((StoreConflictException) e).foundVersion()).isEqualTo(1));
        github.verify(0, putRequestedFor(anyUrl()));
    }

    @Test
    void shouldRefuseToReplaceASecretSomeoneElseUpdatedOrDeleted() throws Exception {
        publicKeyAt(REPO);
        secretAt(REPO, "UPDATED", secretJson("UPDATED", "2026-01-01T10:00:00Z", "2026-03-01T10:00:00Z"));
        secretAt(REPO, "GONE", NOT_FOUND);
        SecretStore store = store("github://octo-org/app");

        assertThatThrownBy(() -> store.write("UPDATED", value, metadata, 1)).isInstanceOf(StoreConflictException.class);
        assertThatThrownBy(() -> store.write("GONE", value, metadata, 1)).isInstanceOf(StoreConflictException.class);
        github.verify(0, putRequestedFor(anyUrl()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1PASSWORD", "GITHUB_TOKEN", "github_app_key", "DB-PASSWORD", "DB PASSWORD", ""})
    void shouldRejectNamesGitHubRefusesBeforeAnyRequest(String name) throws Exception {
        SecretStore store = store("github://octo-org/app");

        assertThatThrownBy(() -> store.write(name, value, metadata, 0)).isInstanceOf(StoreException.class)
                .hasMessageContaining("rename the credential in the plan")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(value.reveal()).doesNotContain(token));
        github.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void shouldSayWhatToDoWhenGitHubRefusesTheToken() throws Exception {
        secretAt(REPO, "A", status(401, "{\"message\": \"Bad credentials\"}"));
        secretAt(REPO, "B", status(403, "{\"message\": \"Resource not accessible by personal access token\"}"));
        SecretStore store = store("github://octo-org/app");

        assertThatThrownBy(() -> store.write("A", value, metadata, 0)).hasMessageContaining("401")
                .hasMessageContaining("GITHUB_TOKEN").satisfies(e -> assertThat(e.getMessage()).doesNotContain(token));
        assertThatThrownBy(() -> store.current("B")).hasMessageContaining("Secrets permission")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(token));
    }

    @Test
    void shouldSayTheRepositoryIsNotVisibleWhenItsKeyIsNotFound() throws Exception {
        secretAt(REPO, "DB_PASSWORD", NOT_FOUND);
        github.stubFor(get(urlEqualTo(REPO + "/public-key")).willReturn(NOT_FOUND));

        assertThatThrownBy(() -> store("github://octo-org/app").write("DB_PASSWORD", value, metadata, 0))
                .isInstanceOf(StoreException.class).hasMessageContaining("does not show github://octo-org/app")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(value.reveal()).doesNotContain(token));
    }

    @Test
    void shouldReportARefusedWriteWithoutTheValue() throws Exception {
        publicKeyAt(REPO);
        secretAt(REPO, "DB_PASSWORD", NOT_FOUND);
        github.stubFor(put(urlEqualTo(REPO + "/DB_PASSWORD")).willReturn(status(422,
                "{\"message\": \"Validation Failed\", \"errors\": [\"" + value.reveal() + "\"]}")));

        assertThatThrownBy(() -> store("github://octo-org/app").write("DB_PASSWORD", value, metadata, 0))
                .hasMessageContaining("422").hasMessageContaining("Validation Failed")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(value.reveal()).doesNotContain(token));
    }

    @Test
    void shouldNotRepeatAMessageThatEchoesTheToken() throws Exception {
        secretAt(REPO, "DB_PASSWORD", status(418, "{\"message\": \"token " + token + " is odd\"}"));

        assertThatThrownBy(() -> store("github://octo-org/app").current("DB_PASSWORD")).hasMessageContaining("HTTP 418")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(token));
    }

    @Test
    void shouldGiveUpOnASlowGitHubWithoutNamingTheToken() throws Exception {
        secretAt(REPO, "DB_PASSWORD", NOT_FOUND.withFixedDelay(2_000));
        RestApi impatient = new RestApi("GitHub", URI.create(github.baseUrl()), Map.of("Authorization", "Bearer " + token),
                Duration.ofMillis(300));
        SecretStore store = new GitHubActionsStore(impatient, GitHubTarget.of(Destination.parse("github://octo-org/app")));

        assertThatThrownBy(() -> store.current("DB_PASSWORD")).isInstanceOf(StoreException.class)
                .hasMessageContaining("timed out").satisfies(e -> assertThat(e.getMessage()).doesNotContain(token));
    }

    @Test
    void shouldRetryOnceAfterASecondaryRateLimitThatAsksForAShortWait() throws Exception {
        github.stubFor(get(urlEqualTo(REPO + "/DB_PASSWORD")).inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(status(403, "{\"message\": \"You have exceeded a secondary rate limit.\"}").withHeader("retry-after", "3"))
                .willSetStateTo("calm"));
        github.stubFor(get(urlEqualTo(REPO + "/DB_PASSWORD")).inScenario("limit").whenScenarioStateIs("calm")
                .willReturn(secretJson("DB_PASSWORD", "2026-01-01T10:00:00Z", "2026-01-01T10:00:00Z")));

        assertThat(patientStore().current("DB_PASSWORD")).contains(new StoredValue(1, Optional.empty()));
        assertThat(waits).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void shouldTellTheUserToRetryLaterWhenThePrimaryLimitResetsInAnHour() throws Exception {
        long reset = NOW.plus(Duration.ofHours(1)).getEpochSecond();
        secretAt(REPO, "DB_PASSWORD", status(403, "{\"message\": \"API rate limit exceeded\"}")
                .withHeader("x-ratelimit-remaining", "0").withHeader("x-ratelimit-reset", Long.toString(reset)));

        assertThatThrownBy(() -> patientStore().current("DB_PASSWORD")).isInstanceOf(StoreException.class)
                .hasMessageContaining("rate limited").hasMessageContaining("retry after 04:00 UTC")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(token));
        assertThat(waits).isEmpty();
    }

    @Test
    void shouldGiveUpAfterOneRetryWhenStillLimited() throws Exception {
        secretAt(REPO, "DB_PASSWORD", status(429, "{}").withHeader("Retry-After", "1"));

        assertThatThrownBy(() -> patientStore().current("DB_PASSWORD")).hasMessageContaining("rate limited")
                .hasMessageContaining("retry in about 1 s");
        assertThat(waits).containsExactly(Duration.ofSeconds(1));
        github.verify(2, anyRequestedFor(anyUrl()));
    }

    @Test
    void shouldNeedATokenAndAGitHubDestination() {
        assertThatThrownBy(() -> Stores.open(Destination.parse("github://octo-org/app"), Map.of()))
                .hasMessageContaining("set GITHUB_TOKEN (or GH_TOKEN)");
        assertThatThrownBy(() -> Stores.open(Destination.parse("github://octo-org"), Map.of("GH_TOKEN", token)))
                .hasMessageContaining("github://OWNER/REPO").satisfies(e -> assertThat(e.getMessage()).doesNotContain(token));
    }

    @Test
    void shouldLocateTheSecretAsAWorkflowReference() throws Exception {
        assertThat(store("github://octo-org/app").locate("DB_PASSWORD")).isEqualTo("${{ secrets.DB_PASSWORD }} in octo-org/app");
        assertThat(store("github://octo-org/app/prod").locate("DB_PASSWORD"))
                .isEqualTo("${{ secrets.DB_PASSWORD }} in octo-org/app (environment prod)");
        assertThat(store("github://octo-org/app/prod").describe()).isEqualTo("github://octo-org/app/prod");
    }
}
