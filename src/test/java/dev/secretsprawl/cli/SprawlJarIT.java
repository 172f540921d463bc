package dev.secretsprawl.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.secretsprawl.testing.SyntheticCredentials;
import dev.secretsprawl.testing.TestRepo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the shaded jar as a user would: {@code java -jar target/sprawl.jar scan dir ...}. */
class SprawlJarIT {
    @TempDir
    Path work;

    @Test
    void shouldExitOneWithValidSarifOnATreeWithCredentials() throws Exception {
        Path tree = Files.createDirectories(work.resolve("leaky"));
        String token = new SyntheticCredentials(11).next("github-pat");
        Files.writeString(tree.resolve("Jenkinsfile"), "pipeline {\n  environment {\n    GH = '" + token + "'\n  }\n}\n");
        Path sarif = work.resolve("f.sarif");

        Result result = sprawl("scan", "dir", tree.toString(), "--format", "sarif", "--output", sarif.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        String report = Files.readString(sarif);
        assertThat(report).doesNotContain(token);
        assertThat(new ObjectMapper().readTree(report).at("/runs/0/results/0/locations/0/physicalLocation/region/startLine")
                .asInt()).isEqualTo(3);
        assertThat(result.output()).doesNotContain(token);
    }

    @Test
    void shouldExitZeroOnACleanTree() throws Exception {
        Path tree = Files.createDirectories(work.resolve("clean"));
        Files.writeString(tree.resolve("Jenkinsfile"),
                "pipeline {\n  environment {\n    GH = credentials('github-token')\n  }\n}\n");
        Path sarif = work.resolve("clean.sarif");

        Result result = sprawl("scan", "dir", tree.toString(), "--format", "sarif", "--output", sarif.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(new ObjectMapper().readTree(sarif.toFile()).at("/runs/0/results").size()).isZero();
    }

    @Test
    void shouldPrintItsVersion() throws Exception {
        Result result = sprawl("--version");
        assertThat(result.exitCode()).isZero();
        assertThat(result.output()).startsWith("secret-sprawl ").doesNotContain("${project.version}");
    }

    @Test
    void shouldCompileEveryRuleOnAJvmWithASmallStackAndOnlyTheClientCompiler() throws Exception {
        Path tree = Files.createDirectories(work.resolve("small-stack"));
        Files.writeString(tree.resolve("a.env"), "GITHUB_TOKEN=" + new SyntheticCredentials(12).next("github-pat") + "\n");

        Result result = sprawl(List.of("-Xss256k", "-XX:TieredStopAtLevel=1"), "scan", "dir", tree.toString());

        assertThat(result.output()).doesNotContain("StackOverflowError");
        assertThat(result.exitCode()).isEqualTo(1);
    }

    @Test
    void shouldScanTheHistoryOfARealRepository() throws Exception {
        String token = new SyntheticCredentials(13).next("github-pat");
        try (TestRepo repo = TestRepo.init(work.resolve("repo"))) {
            repo.write("deploy.env", "GITHUB_TOKEN=" + token + "\n").commit("add");
            repo.delete("deploy.env").commit("remove");
        }
        Path sarif = work.resolve("history.sarif");

        Result result = sprawl("scan", "git", work.resolve("repo").toString(), "-f", "sarif", "-o", sarif.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        var run = new ObjectMapper().readTree(sarif.toFile()).at("/runs/0");
        assertThat(run.at("/results/0/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo("deploy.env");
        assertThat(run.at("/results/0/partialFingerprints/commitSha").asText()).hasSize(40);
        assertThat(Files.readString(sarif)).doesNotContain(token);
        assertThat(result.output()).doesNotContain(token).doesNotContain("SLF4J");
    }

    private record Result(int exitCode, String output) {
    }

    private Result sprawl(String... args) throws IOException, InterruptedException {
        return sprawl(List.of(), args);
    }

    private Result sprawl(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        String jar = System.getProperty("sprawl.jar", "target/sprawl.jar");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }
}
