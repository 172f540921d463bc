package dev.secretsprawl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.secretsprawl.testing.SyntheticCredentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * --verify, --only-live, --fail-on live and 'sprawl verify --input' end to end, with WireMock standing in for
 * GitHub's REST API (GET /user: 200 with the account for a working token, 401 "Bad credentials" otherwise).
 */
class VerifyCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SyntheticCredentials credentials = new SyntheticCredentials(55);
    private final String live = credentials.next("github-pat");
    private final String dead = credentials.next("github-pat");
    private WireMockServer github;

    @TempDir
    Path repo;
    @TempDir
    Path reports;

    @BeforeEach
    void startGitHub() throws IOException {
        github = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        github.start();
        answer(live, 200, "{\"login\":\"deploy-bot\",\"id\":1}");
        answer(dead, 401, "{\"message\":\"Bad credentials\",\"documentation_url\":\"https://docs.github.com/rest\"}");
        Files.writeString(repo.resolve("deploy.sh"), "#!/bin/sh\nexport GITHUB_TOKEN=" + live + "\n./release.sh\n");
        Files.writeString(repo.resolve("publish.sh"), "#!/bin/sh\nGITHUB_TOKEN=" + live + " gh release upload\n");
        Files.writeString(repo.resolve("old.env"), "GH_TOKEN=" + dead + "\n");
    }

    @AfterEach
    void stopGitHub() {
        github.stop();
    }

    private void answer(String token, int status, String body) {
        github.stubFor(get(urlPathEqualTo("/user")).withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
    }

    private String endpoint() {
        return "github=http://127.0.0.1:" + github.port();
    }

    private CliRun scan(String... extra) {
        List<String> args = new ArrayList<>(List.of("scan", "dir", repo.toString(), "--verify-endpoint", endpoint(), "-q"));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static List<JsonNode> findings(String json) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        JSON.readTree(json).path("findings").forEach(out::add);
        return out;
    }

    @Test
    void shouldVerifyEachDistinctCredentialOnceAndReportItInJson() throws IOException {
        CliRun run = scan("--verify", "-f", "json");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        List<JsonNode> findings = findings(run.out());
        assertThat(findings).extracting(f -> f.path("path").asText() + " " + f.path("verification").asText())
                .containsExactlyInAnyOrder("deploy.sh live", "publish.sh live", "old.env dead");
        assertThat(findings).filteredOn(f -> f.path("path").asText().equals("deploy.sh"))
                .first().satisfies(f -> assertThat(f.path("verificationDetail").asText()).contains("deploy-bot"));
        assertThat(JSON.readTree(run.out()).path("summary").path("byVerification").toString())
                .isEqualTo("{\"live\":2,\"dead\":1,\"unknown\":0}");
        github.verify(1, getRequestedFor(urlPathEqualTo("/user")).withHeader("Authorization", equalTo("Bearer " + live)));
        github.verify(1, getRequestedFor(urlPathEqualTo("/user")).withHeader("Authorization", equalTo("Bearer " + dead)));
    }

    @Test
    void shouldReportOnlyLiveCredentialsAndFailOnLiveOnly() throws IOException {
        CliRun onlyLive = scan("--only-live", "-f", "json");
        assertThat(findings(onlyLive.out())).extracting(f -> f.path("path").asText())
                .containsExactlyInAnyOrder("deploy.sh", "publish.sh");

        Files.delete(repo.resolve("deploy.sh"));
        Files.delete(repo.resolve("publish.sh"));
        CliRun deadOnly = scan("--verify", "--fail-on", "live");
        assertThat(deadOnly.exitCode()).as("a dead credential does not fail --fail-on live").isZero();
        assertThat(deadOnly.out()).contains("verified: dead");
    }

    @Test
    void shouldRefuseFailOnLiveWithoutVerification() {
        CliRun run = CliRun.of("scan", "dir", repo.toString(), "--fail-on", "live");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--fail-on live needs --verify");
        assertThat(github.getAllServeEvents()).isEmpty();
    }

    @Test
    void shouldRefuseBadVerificationOptionsBeforeScanning() {
        assertThat(scan("--verify", "--verify-timeout", "0").err()).contains("--verify-timeout");
        assertThat(scan("--verify", "--verify-endpoint", "github").exitCode()).isEqualTo(2);
        assertThat(github.getAllServeEvents()).isEmpty();
    }

    @Test
    void shouldShowVerificationInTextSarifAndJunitReports() throws IOException {
        Path sarif = reports.resolve("r.sarif");
        Path junit = reports.resolve("r.xml");
        CliRun run = scan("--verify", "--report", "sarif:" + sarif, "--report", "junit:" + junit);
        assertThat(run.out()).contains("verified: live (authenticated as deploy-bot").contains("verified: dead");
        assertThat(run.out()).contains("verified: 2 live, 1 dead, 0 unknown");
        JsonNode results = JSON.readTree(sarif.toFile()).path("runs").path(0).path("results");
        assertThat(results).extracting(r -> r.path("properties").path("verification").asText())
                .containsExactlyInAnyOrder("live", "live", "dead");
        assertThat(Files.readString(junit)).contains("verified:    live");
    }

    @Test
    void shouldReverifyASarifReportAtItsRecordedPlaces() throws IOException {
        Path sarif = reports.resolve("scan.sarif");
        assertThat(scan("-f", "sarif", "-o", sarif.toString()).exitCode()).isEqualTo(1);

        CliRun first = CliRun.of("verify", "--input", sarif.toString(), "--root", repo.toString(), "--verify-endpoint", endpoint());
        assertThat(first.exitCode()).as(first.err()).isEqualTo(1);
        assertThat(first.out()).contains("2 live, 1 dead, 0 unknown");

        // the owner revokes the token: GitHub now rejects it; and one file holding it is gone
        github.resetAll();
        answer(live, 401, "{\"message\":\"Bad credentials\"}");
        answer(dead, 401, "{\"message\":\"Bad credentials\"}");
        Files.delete(repo.resolve("publish.sh"));
        Path annotated = reports.resolve("checked.sarif");
        CliRun second = CliRun.of("verify", "--input", sarif.toString(), "--root", repo.toString(), "--verify-endpoint",
                endpoint(), "-f", "sarif", "-o", annotated.toString());
        assertThat(second.exitCode()).as(second.err()).isZero();
        JsonNode results = JSON.readTree(annotated.toFile()).path("runs").path(0).path("results");
        assertThat(results).extracting(r -> r.path("locations").path(0).path("physicalLocation").path("artifactLocation")
                        .path("uri").asText() + " " + r.path("properties").path("verification").asText())
                .containsExactlyInAnyOrder("deploy.sh dead", "old.env dead", "publish.sh unknown");
        assertThat(second.err()).contains("0 live, 2 dead, 1 unknown");
    }

    @Test
    void shouldExplainAnInputThatIsNotASarifReport() throws IOException {
        Path notJson = reports.resolve("notes.txt");
        Files.writeString(notJson, "hello");
        CliRun text = CliRun.of("verify", "--input", notJson.toString());
        assertThat(text.exitCode()).isEqualTo(2);
        assertThat(text.err()).contains("not a SARIF report");
        Path odd = reports.resolve("odd.sarif");
        Files.writeString(odd, "{\"runs\":[{\"results\":[42, \"x\"]}]}");
        CliRun oddRun = CliRun.of("verify", "--input", odd.toString(), "--root", repo.toString());
        assertThat(oddRun.exitCode()).as(oddRun.err()).isZero();
        assertThat(oddRun.out()).contains("0 findings verified");
        assertThat(CliRun.of("verify", "--input", reports.resolve("missing.sarif").toString()).exitCode()).isEqualTo(2);
    }

    @Test
    void shouldNeverPrintATokenWhileVerifying() throws IOException {
        Path sarif = reports.resolve("scan.sarif");
        Path json = reports.resolve("scan.json");
        CliRun run = CliRun.of("scan", "dir", repo.toString(), "--verify", "--verify-endpoint", endpoint(),
                "--report", "sarif:" + sarif, "--report", "json:" + json);
        CliRun again = CliRun.of("verify", "--input", sarif.toString(), "--root", repo.toString(), "--verify-endpoint",
                endpoint(), "-f", "json");
        for (String token : List.of(live, dead)) {
            assertThat(run.out() + run.err() + again.out() + again.err()).doesNotContain(token);
            assertThat(Files.readString(sarif, StandardCharsets.UTF_8)).doesNotContain(token);
            assertThat(Files.readString(json, StandardCharsets.UTF_8)).doesNotContain(token);
        }
    }
}
