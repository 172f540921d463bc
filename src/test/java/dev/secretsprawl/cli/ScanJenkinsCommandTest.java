package dev.secretsprawl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.secretsprawl.report.Reports;
import dev.secretsprawl.testing.FakeJenkins;
import dev.secretsprawl.testing.JenkinsEstate;
import dev.secretsprawl.testing.SyntheticCredentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ScanJenkinsCommandTest {
    private static final String TOKEN_ENV = "SPRAWL_TEST_JENKINS_TOKEN";
    @TempDir
    Path out;
    private JenkinsEstate estate;
    private FakeJenkins jenkins;

    static Stream<String> formats() {
        return Reports.formats().stream();
    }

    @BeforeEach
    void start() {
        // Retry-After: 0 keeps the throttled console's retry instant
        estate = new JenkinsEstate(SyntheticCredentials.random(), 0);
        jenkins = estate.jenkins;
        ScanJenkinsCommand.environment = name -> name.equals(TOKEN_ENV) ? jenkins.token : null;
    }

    @AfterEach
    void stop() {
        ScanJenkinsCommand.environment = System::getenv;
        jenkins.close();
    }

    private CliRun scan(String... more) {
        List<String> args = new ArrayList<>(List.of("scan", "jenkins", "--url", jenkins.url(), "--user", FakeJenkins.USER,
                "--token-env", TOKEN_ENV));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void shouldReportEachPlantedSecretAtItsJobOrBuildUrlAndLine() throws Exception {
        CliRun run = scan("-f", "json");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        JsonNode findings = new ObjectMapper().readTree(run.out()).path("findings");
        assertThat(findings).hasSize(estate.planted.size());
        for (String key : estate.planted.keySet()) {
            JsonNode f = find(findings, jenkins.url() + key);
            assertThat(f.path("line").asInt()).as(key).isEqualTo(estate.lineOf(key));
        }
        JsonNode console = find(findings, jenkins.url() + "job/nightly/42/consoleText");
        assertThat(console.at("/properties/job").asText()).isEqualTo("nightly");
        assertThat(console.at("/properties/build").asText()).isEqualTo("42");
        assertThat(console.at("/properties/url").asText()).isEqualTo(jenkins.url() + "job/nightly/42/");
        assertThat(find(findings, jenkins.url() + "job/deploy-prod/config.xml").path("ruleId").asText()).isEqualTo("github-pat-classic");
    }

    private static JsonNode find(JsonNode findings, String path) {
        for (JsonNode f : findings) {
            if (f.path("path").asText().equals(path)) {
                return f;
            }
        }
        throw new AssertionError("no finding at " + path + " in " + findings);
    }

    @Test
    void shouldPutTheBuildUrlAndNumberIntoSarif() throws Exception {
        Path sarif = out.resolve("jenkins.sarif");
        CliRun run = scan("-f", "sarif", "-o", sarif.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        JsonNode results = new ObjectMapper().readTree(sarif.toFile()).at("/runs/0/results");
        JsonNode npm = null;
        for (JsonNode r : results) {
            if (r.at("/locations/0/physicalLocation/artifactLocation/uri").asText().endsWith("/7/consoleText")) {
                npm = r;
            }
        }
        assertThat(npm).isNotNull();
        // the branch name's %2F is encoded once by Jenkins and once more by SARIF's path-to-URI step
        assertThat(npm.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
                .startsWith(jenkins.url() + "job/webapp/job/feature%25").endsWith("Flogin/7/consoleText");
        assertThat(npm.at("/locations/0/physicalLocation/region/startLine").asInt())
                .isEqualTo(estate.lineOf("job/webapp/job/feature%252Flogin/7/consoleText"));
        assertThat(npm.at("/properties/build").asText()).isEqualTo("7");
        assertThat(npm.at("/properties/job").asText()).isEqualTo("webapp/feature%2Flogin");
    }

    @Test
    void shouldWarnAboutForbiddenAndDeletedItemsAndScanTheRest() throws Exception {
        CliRun run = scan("-f", "json");

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.at("/summary/skipped/forbidden").asInt()).isEqualTo(1);
        assertThat(report.at("/summary/skipped/not-found").asInt()).isEqualTo(1);
        assertThat(run.err()).contains("skipped 1 item the login may not read (HTTP 403")
                .contains("skipped 1 item gone while the scan ran (HTTP 404)")
                .contains(jenkins.url() + "job/nightly/config.xml").contains("Job/ExtendedRead");
    }

    @Test
    void shouldStopWithExitTwoAndNoTokenWhenTheLoginIsRejected() {
        String wrong = new SyntheticCredentials(3).next("jenkins-api-token");
        ScanJenkinsCommand.environment = name -> name.equals(TOKEN_ENV) ? wrong : null;
        CliRun run = scan();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("HTTP 401").contains(FakeJenkins.USER).contains("$" + TOKEN_ENV)
                .doesNotContain(wrong).doesNotContain(jenkins.token);
        assertThat(run.out()).isEmpty();
        assertThat(jenkins.requests()).hasSize(1);
    }

    @Test
    void shouldExplainUsageErrorsWithExitTwoBeforeAnyRequest() {
        CliRun notUrl = CliRun.of("scan", "jenkins", "--url", "jenkins.example.com");
        assertThat(notUrl.exitCode()).isEqualTo(2);
        assertThat(notUrl.err()).contains("--url").contains("https://jenkins.example.com/");

        String password = new SyntheticCredentials(8).next("password");
        CliRun withPassword = CliRun.of("scan", "jenkins", "--url", "https://admin:" + password + "@jenkins.example.com/");
        assertThat(withPassword.exitCode()).isEqualTo(2);
        assertThat(withPassword.err()).contains("--token-env").doesNotContain(password).doesNotContain("admin:");

        assertThat(CliRun.of("scan", "jenkins").exitCode()).isEqualTo(2);
        CliRun tooMany = scan("--builds", "101");
        assertThat(tooMany.exitCode()).isEqualTo(2);
        assertThat(tooMany.err()).contains("--builds");

        CliRun unset = CliRun.of("scan", "jenkins", "--url", jenkins.url(), "--user", "bot", "--token-env", "SPRAWL_TEST_UNSET_VAR");
        assertThat(unset.exitCode()).isEqualTo(2);
        assertThat(unset.err()).contains("SPRAWL_TEST_UNSET_VAR");

        CliRun noFolder = scan("--folder", "does/not-exist");
        assertThat(noFolder.exitCode()).isEqualTo(2);
        assertThat(noFolder.err()).contains("'does/not-exist'");

        ScanJenkinsCommand.environment = name -> null;
        CliRun userWithoutToken = CliRun.of("scan", "jenkins", "--url", jenkins.url(), "--user", "bot");
        assertThat(userWithoutToken.exitCode()).isEqualTo(2);
        assertThat(userWithoutToken.err()).contains("JENKINS_API_TOKEN");

        assertThat(jenkins.requests()).allSatisfy(r -> assertThat(r.getUrl()).doesNotContain("config.xml"));
    }

    @Test
    void shouldExitThreeWhenJenkinsCannotBeReached() {
        CliRun run = CliRun.of("scan", "jenkins", "--url", "http://127.0.0.1:9/");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("http://127.0.0.1:9/crumbIssuer/api/json");
    }

    @Test
    void shouldTeachWithItsHelp() {
        CliRun run = CliRun.of("scan", "jenkins", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--url").contains("--token-env").contains("--builds").contains("--folder")
                .contains("Job/ExtendedRead").contains("Examples:");
    }

    @ParameterizedTest(name = "{0} to stdout and to a file")
    @MethodSource("formats")
    void shouldPrintAndWriteNeitherTheTokenNorAPlantedValue(String format) throws IOException {
        Path report = out.resolve("jenkins." + format);
        CliRun toStdout = scan("--format", format);
        CliRun toFile = scan("--format", format, "--output", report.toString());

        assertThat(toStdout.exitCode()).as(toStdout.err()).isEqualTo(1);
        assertThat(toFile.exitCode()).as(toFile.err()).isEqualTo(1);
        assertThat(Files.readString(report)).contains("slack-bot-token");
        String everything = toStdout.out() + toStdout.err() + toFile.out() + toFile.err() + Files.readString(report);
        List<String> secrets = new ArrayList<>(estate.planted.values());
        secrets.add(jenkins.token);
        secrets.add(Base64.getEncoder().encodeToString((FakeJenkins.USER + ":" + jenkins.token).getBytes(StandardCharsets.UTF_8)));
        for (String value : secrets) {
            assertThat(everything).doesNotContain(value)
                    .doesNotContain(Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)))
                    .doesNotContain(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }
}
