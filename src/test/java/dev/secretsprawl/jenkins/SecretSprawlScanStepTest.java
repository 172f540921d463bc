package dev.secretsprawl.jenkins;

import dev.secretsprawl.jenkins.FakeJenkins.PipelineError;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretSprawlScanStepTest {
    private static final String JAR = "/opt/sprawl/sprawl.jar";
    private static final String REPORTS = "--format sarif --output sprawl.sarif --report junit:sprawl-junit.xml"
            + " --report json:sprawl.json --fail-on info --quiet";

    private final FakeJenkins jenkins = new FakeJenkins();

    @BeforeEach
    void start() throws Exception {
        jenkins.startWithJar(JAR);
    }

    @Test
    void shouldRunOneScanWritingAllThreeReportsAfterRemovingLastBuildsReports() {
        scanFinds(0, 0, 0, 0, 0, 0);

        jenkins.run("secretSprawlScan", Map.of());

        assertThat(jenkins.scripts()).containsExactly("rm -f -- sprawl.sarif sprawl-junit.xml sprawl.json\n"
                + "java -Xmx1g -jar " + JAR + " scan dir . " + REPORTS);
    }

    @Test
    void shouldPassEveryOptionToTheCliQuotedForTheShell() {
        scanFinds(0, 0, 0, 0, 0, 0, "out/it's.json");
        Map<String, Object> params = new HashMap<>();
        params.put("jar", JAR);
        params.put("java", "/usr/lib/jvm/java 17/bin/java");
        params.put("javaOpts", "-Xmx2g  -Dsprawl.x=1");
        params.put("target", "git");
        params.put("path", "my repos/app");
        params.put("branch", "release/1.0");
        params.put("sinceCommit", "0a1b2c3d");
        params.put("baseline", ".sprawl-baseline.json");
        params.put("config", "ci config/sprawl.toml");
        params.put("sarif", "out/app.sarif");
        params.put("json", "out/it's.json");
        params.put("shard", "2/4");
        params.put("extraArgs", List.of("--redact", "--threads", "2"));

        jenkins.run("secretSprawlScan", params);

        assertThat(jenkins.scripts().get(0)).endsWith("\n'/usr/lib/jvm/java 17/bin/java' -Xmx2g -Dsprawl.x=1 -jar " + JAR
                + " scan git 'my repos/app' --branch release/1.0 --since-commit 0a1b2c3d"
                + " --format sarif --output out/app.sarif --report junit:out/app-junit.xml"
                + " --report 'json:out/it'\\''s.json' --fail-on info --quiet"
                + " --baseline .sprawl-baseline.json --config 'ci config/sprawl.toml' --shard 2/4 --redact --threads 2");
    }

    @Test
    void shouldNameJunitAndJsonAfterTheSarifSoShardsDoNotOverwriteEachOther() {
        scanFinds(0, 0, 0, 0, 0, 0, "sprawl-3.json");

        jenkins.run("secretSprawlScan", Map.of("shard", "3/4", "sarif", "sprawl-3.sarif"));

        assertThat(jenkins.scripts().get(0)).contains("--output sprawl-3.sarif --report junit:sprawl-3-junit.xml"
                + " --report json:sprawl-3.json").contains("--shard 3/4");
        assertThat(jenkins.calls("junit").get(0).map()).containsEntry("testResults", "sprawl-3-junit.xml");
        assertThat(jenkins.calls("archiveArtifacts").get(0).map().get("artifacts")).hasToString("sprawl-3.sarif, sprawl-3.json");
    }

    @Test
    void shouldPublishReportsAndPassWithCountsWhenNothingIsFound() {
        scanFinds(0, 0, 0, 0, 0, 0);

        Object counts = jenkins.run("secretSprawlScan", Map.of());

        assertThat(counts).isEqualTo(Map.of("critical", 0, "high", 0, "medium", 0, "low", 0, "info", 0, "total", 0));
        assertThat(jenkins.calls("junit")).singleElement().extracting(FakeJenkins.StepCall::map).isEqualTo(
                Map.of("testResults", "sprawl-junit.xml", "allowEmptyResults", true, "skipMarkingBuildUnstable", true));
        assertThat(jenkins.calls("archiveArtifacts").get(0).map().get("artifacts")).hasToString("sprawl.sarif, sprawl.json");
        assertThat(jenkins.calls("unstable")).isEmpty();
        assertThat(jenkins.result()).isEqualTo("SUCCESS");
    }

    @Test
    void shouldFailTheBuildForAFindingAtTheDefaultFailOnHighAfterPublishing() {
        scanFinds(1, 0, 1, 2, 0, 0);

        assertThatThrownBy(() -> jenkins.run("secretSprawlScan", Map.of()))
                .isInstanceOf(PipelineError.class)
                .hasMessageStartingWith("Secret Sprawl: 1 finding(s) at or above high (1 high, 2 medium); see sprawl.sarif");
        assertThat(jenkins.calls("junit")).hasSize(1);
        assertThat(jenkins.calls("archiveArtifacts")).hasSize(1);
        assertThat(jenkins.result()).isEqualTo("FAILURE");
    }

    @Test
    void shouldMarkTheBuildUnstableForFindingsBelowFailOnButAtUnstableOn() {
        scanFinds(1, 0, 0, 2, 1, 3);

        Object counts = jenkins.run("secretSprawlScan", Map.of());

        assertThat(jenkins.calls("unstable")).singleElement().extracting(FakeJenkins.StepCall::string)
                .isEqualTo("Secret Sprawl: 3 finding(s) at or above low (2 medium, 1 low, 3 info); see sprawl.sarif");
        assertThat(jenkins.result()).isEqualTo("UNSTABLE");
        assertThat(counts).isEqualTo(Map.of("critical", 0, "high", 0, "medium", 2, "low", 1, "info", 3, "total", 6));
    }

    @Test
    void shouldFailOnTheConfiguredSeverity() {
        scanFinds(1, 0, 0, 1, 0, 0);

        assertThatThrownBy(() -> jenkins.run("secretSprawlScan", Map.of("failOn", "medium")))
                .hasMessageStartingWith("Secret Sprawl: 1 finding(s) at or above medium");
    }

    @Test
    void shouldPassWithFindingsWhenNeitherThresholdIsReached() {
        Map<String, Object> params = new HashMap<>();
        params.put("unstableOn", null);
        scanFinds(1, 0, 0, 0, 4, 0);

        Object counts = jenkins.run("secretSprawlScan", params);

        assertThat(jenkins.calls("unstable")).isEmpty();
        assertThat(jenkins.result()).isEqualTo("SUCCESS");
        assertThat(counts).extracting("low", "total").containsExactly(4, 4);
    }

    @Test
    void shouldOnlyReportWhenFailOnAndUnstableOnAreNone() {
        scanFinds(1, 5, 0, 0, 0, 0);

        Object counts = jenkins.run("secretSprawlScan", Map.of("failOn", "none", "unstableOn", "none"));

        assertThat(jenkins.result()).isEqualTo("SUCCESS");
        assertThat(counts).extracting("critical").isEqualTo(5);
    }

    @Test
    void shouldLeavePublishingOutWhenAskedTo() {
        scanFinds(0, 0, 0, 0, 0, 0);

        jenkins.run("secretSprawlScan", Map.of("publishJunit", false, "archive", false));

        assertThat(jenkins.calls("junit")).isEmpty();
        assertThat(jenkins.calls("archiveArtifacts")).isEmpty();
    }

    @Test
    void shouldExplainAUsageErrorAndPublishNothing() {
        jenkins.shell = script -> 2;

        assertThatThrownBy(() -> jenkins.run("secretSprawlScan", Map.of("baseline", "missing.json")))
                .isInstanceOf(PipelineError.class)
                .hasMessageStartingWith("Secret Sprawl scan failed: usage or configuration error (exit 2)");
        assertThat(jenkins.calls("junit")).isEmpty();
        assertThat(jenkins.calls("archiveArtifacts")).isEmpty();
    }

    @Test
    void shouldPublishAnIncompleteScanAndFailWithItsWarnings() {
        jenkins.shell = script -> {
            jenkins.workspace.put("sprawl.json", json(0, 0, 0, 0, 0)
                    .replace("\"warnings\": []", "\"warnings\": [{\"kind\": \"unreadable\", \"path\": \"secret/vault.env\","
                            + " \"message\": \"permission denied\"}]"));
            return 3;
        };

        assertThatThrownBy(() -> jenkins.run("secretSprawlScan", Map.of()))
                .hasMessageStartingWith("Secret Sprawl scan failed: runtime error (exit 3)")
                .hasMessageEndingWith("warnings: secret/vault.env: permission denied");
        assertThat(jenkins.calls("junit")).hasSize(1);
    }

    @Test
    void shouldFailWithTheMeaningOfExit3WhenTheScanWroteNothing() {
        jenkins.shell = script -> 3;

        assertThatThrownBy(() -> jenkins.run("secretSprawlScan", Map.of()))
                .hasMessage("Secret Sprawl scan failed: runtime error (exit 3): the run did not finish, or some files"
                        + " could not be scanned so the result is incomplete; see the messages above");
        assertThat(jenkins.calls("junit")).isEmpty();
    }

    @Test
    void shouldSayJavaIsMissingOnExit127() {
        jenkins.shell = script -> 127;

        assertThatThrownBy(() -> jenkins.run("secretSprawlScan", Map.of()))
                .hasMessageContaining("could not find the java command");
    }

    @Test
    void shouldTellHowToProvideTheJarWhenNoneIsGiven() {
        jenkins.env.clear();

        assertThatThrownBy(() -> jenkins.run("secretSprawlScan", Map.of()))
                .isInstanceOf(PipelineError.class)
                .hasMessageContaining("Pass jar: '/path/to/sprawl.jar'")
                .hasMessageContaining("SPRAWL_JAR")
                .hasMessageContaining("downloads nothing");
        assertThat(jenkins.calls("sh")).isEmpty();
    }

    @Test
    void shouldNameAJarThatDoesNotExist() {
        assertThatThrownBy(() -> jenkins.run("secretSprawlScan", Map.of("jar", "tools/sprawl.jar")))
                .hasMessageStartingWith("Secret Sprawl: the jar 'tools/sprawl.jar' does not exist on this agent");
        assertThat(jenkins.calls("sh")).isEmpty();
    }

    @Test
    void shouldRejectMistakesBeforeScanning() {
        assertThatThrownBy(() -> jenkins.run("secretSprawlScan", Map.of("failon", "high")))
                .hasMessageStartingWith("secretSprawlScan: unknown parameter(s) failon;");
        assertThatThrownBy(() -> jenkins.run("secretSprawlScan", Map.of("target", "svn")))
                .hasMessage("secretSprawlScan: target must be 'dir', 'git' or 'log', not 'svn'");
        assertThatThrownBy(() -> jenkins.run("secretSprawlScan", Map.of("failOn", "severe")))
                .hasMessageStartingWith("secretSprawlScan: failOn must be one of critical, high, medium, low, info");
        assertThatThrownBy(() -> jenkins.run("secretSprawlScan", Map.of("branch", "main")))
                .hasMessage("secretSprawlScan: branch and sinceCommit only apply to target: 'git'");
        assertThatThrownBy(() -> jenkins.run("secretSprawlScan", Map.of("shard", "2 of 4")))
                .hasMessageStartingWith("secretSprawlScan: shard must look like I/N");
        assertThat(jenkins.calls("sh")).isEmpty();
    }

    @Test
    void shouldScanALog() {
        scanFinds(0, 0, 0, 0, 0, 0);

        jenkins.run("secretSprawlScan", Map.of("target", "log", "path", "build output.log"));

        assertThat(jenkins.scripts().get(0)).endsWith(" scan log 'build output.log' " + REPORTS);
    }

    @Test
    void shouldUseBatWithDoubleQuotesOnWindows() {
        jenkins.unix = false;
        jenkins.agentFiles.add("C:\\tools\\sprawl.jar");
        scanFinds(0, 0, 0, 0, 0, 0, "reports/sprawl.json");

        jenkins.run("secretSprawlScan", Map.of("jar", "C:\\tools\\sprawl.jar", "path", "C:\\work\\my app\\",
                "sarif", "reports/sprawl.sarif", "config", "100% sure.toml"));

        assertThat(jenkins.calls("sh")).isEmpty();
        assertThat(jenkins.scripts()).containsExactly(
                "del /f /q reports\\sprawl.sarif reports\\sprawl-junit.xml reports\\sprawl.json 2>nul\n"
                        + "java -Xmx1g -jar C:\\tools\\sprawl.jar scan dir \"C:\\work\\my app\\\\\""
                        + " --format sarif --output reports/sprawl.sarif --report junit:reports/sprawl-junit.xml"
                        + " --report json:reports/sprawl.json --fail-on info --quiet --config \"100%% sure.toml\"");
    }

    @Test
    void shouldRefuseAnArgumentCmdCannotCarry() {
        jenkins.unix = false;

        assertThatThrownBy(() -> jenkins.run("secretSprawlScan", Map.of("path", "say \"hi\"")))
                .hasMessageContaining("cannot pass 'say \"hi\"' to a Windows command line");
        assertThat(jenkins.calls("bat")).isEmpty();
    }

    /** The scan exits with {@code exit} after writing sprawl.json with these counts. */
    private void scanFinds(int exit, int critical, int high, int medium, int low, int info) {
        scanFinds(exit, critical, high, medium, low, info, "sprawl.json");
    }

    private void scanFinds(int exit, int critical, int high, int medium, int low, int info, String jsonFile) {
        jenkins.shell = script -> {
            jenkins.workspace.put(jsonFile, json(critical, high, medium, low, info));
            return exit;
        };
    }

    private static String json(int critical, int high, int medium, int low, int info) {
        return """
                {"version": 1, "summary": {"findings": %d, "suppressed": 0,
                 "bySeverity": {"critical": %d, "high": %d, "medium": %d, "low": %d, "info": %d}},
                 "findings": [], "warnings": []}
                """.formatted(critical + high + medium + low + info, critical, high, medium, low, info);
    }
}
