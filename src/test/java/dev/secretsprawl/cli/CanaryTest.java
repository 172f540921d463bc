package dev.secretsprawl.cli;

import dev.secretsprawl.report.Reports;
import dev.secretsprawl.testing.SyntheticCredentials;
import dev.secretsprawl.testing.TestRepo;
import org.junit.jupiter.api.BeforeEach;
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

/**
 * Plants synthetic credentials (plain, base64 and URL-encoded), runs the real CLI in every format to
 * stdout and to a file, and asserts no planted value appears in stdout, stderr or any file written.
 */
class CanaryTest {
    @TempDir
    Path tree;
    @TempDir
    Path out;
    private final List<String> planted = new ArrayList<>();

    static Stream<String> formats() {
        return Reports.formats().stream();
    }

    @BeforeEach
    void plant() throws IOException {
        SyntheticCredentials tokens = SyntheticCredentials.random();
        String pat = tokens.next("github-pat");
        String oauth = tokens.next("github-oauth");
        String password = "Zq7!" + tokens.base62(14);
        planted.addAll(List.of(pat, oauth, password));
        Files.writeString(tree.resolve("app.env"), "GITHUB_TOKEN=" + pat + "\nDB_PASSWORD=\"" + password + "\"\n");
        Files.writeString(tree.resolve("secret.yaml"), "kind: Secret\ndata:\n  token: "
                + Base64.getEncoder().encodeToString(oauth.getBytes(StandardCharsets.UTF_8)) + "\n");
        Files.writeString(tree.resolve("run.sh"), "curl -d \"token=" + URLEncoder.encode(pat, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "\" https://ci.internal/hook\n");
    }

    @ParameterizedTest(name = "{0} to stdout")
    @MethodSource("formats")
    void shouldPrintNoPlantedValueToStdoutOrStderr(String format) {
        CliRun run = CliRun.of("scan", "dir", tree.toString(), "--format", format);
        assertThat(run.exitCode()).isEqualTo(1);
        assertClean(run.out() + run.err());
    }

    @ParameterizedTest(name = "{0} to a file")
    @MethodSource("formats")
    void shouldWriteNoPlantedValueToTheReportFile(String format) throws IOException {
        Path report = out.resolve("report." + format);
        CliRun run = CliRun.of("scan", "dir", tree.toString(), "--format", format, "--output", report.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(Files.readString(report)).contains("github-pat-classic").contains("github-oauth-token");
        assertClean(run.out() + run.err() + Files.readString(report));
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files).containsExactly(report);
        }
    }

    @ParameterizedTest(name = "baseline after {0}")
    @MethodSource("formats")
    void shouldWriteNoPlantedValueToABaseline(String ignored) throws IOException {
        Path baseline = out.resolve("baseline.json");
        CliRun run = CliRun.of("baseline", "create", tree.toString(), "--output", baseline.toString());
        assertClean(run.out() + run.err() + Files.readString(baseline));
    }

    /** The planted files committed, copied to a second branch, then deleted: they live only in history. */
    private Path historyOnly() throws Exception {
        Path repoDir = out.resolve("repo");
        try (TestRepo repo = TestRepo.init(repoDir)) {
            for (Path file : List.of(tree.resolve("app.env"), tree.resolve("secret.yaml"), tree.resolve("run.sh"))) {
                repo.write(file.getFileName().toString(), Files.readString(file));
            }
            repo.commit("plant");
            repo.branch("copy").write("copy/app.env", Files.readString(tree.resolve("app.env"))).commit("copy");
            repo.checkout("main").write("copy/app.env", Files.readString(tree.resolve("app.env"))).commit("copy too");
            for (String name : List.of("app.env", "secret.yaml", "run.sh", "copy/app.env")) {
                repo.delete(name);
            }
            repo.commit("clean up");
        }
        return repoDir;
    }

    @ParameterizedTest(name = "history in {0}, to stdout and to a file")
    @MethodSource("formats")
    void shouldPrintAndWriteNoPlantedValueFoundInHistory(String format) throws Exception {
        Path repo = historyOnly();
        Path report = out.resolve("history." + format);
        CliRun toStdout = CliRun.of("scan", "git", repo.toString(), "--format", format);
        CliRun toFile = CliRun.of("scan", "git", repo.toString(), "--format", format, "--output", report.toString());
        assertThat(toStdout.exitCode()).isEqualTo(1);
        assertThat(toFile.exitCode()).isEqualTo(1);
        assertThat(Files.readString(report)).contains("github-pat-classic");
        assertClean(toStdout.out() + toStdout.err() + toFile.out() + toFile.err() + Files.readString(report));
    }

    /** The planted files printed into one build log, the way a careless {@code cat} in a job would. */
    private byte[] buildLog() throws IOException {
        StringBuilder log = new StringBuilder();
        for (String name : List.of("app.env", "secret.yaml", "run.sh")) {
            log.append("[2026-11-22T10:00:00.000Z] + cat ").append(name).append('\n');
            Files.readString(tree.resolve(name)).lines()
                    .forEach(l -> log.append("[2026-11-22T10:00:00.001Z] \u001b[32m").append(l).append("\u001b[0m\n"));
        }
        return log.toString().getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "build log in {0}, to stdout and to a file")
    @MethodSource("formats")
    void shouldPrintAndWriteNoPlantedValueFoundInABuildLog(String format) throws IOException {
        Path report = out.resolve("log." + format);
        CliRun toStdout = CliRun.withInput(buildLog(), "scan", "log", "-", "--format", format);
        CliRun toFile = CliRun.withInput(buildLog(), "scan", "log", "-", "--format", format, "--output", report.toString());
        assertThat(toStdout.exitCode()).isEqualTo(1);
        assertThat(toFile.exitCode()).isEqualTo(1);
        assertThat(Files.readString(report)).contains("github-pat-classic");
        assertClean(toStdout.out() + toStdout.err() + toFile.out() + toFile.err() + Files.readString(report));
    }

    @org.junit.jupiter.api.Test
    void shouldLeaveNoPlantedValueInAMaskedBuildLog() throws IOException {
        byte[] log = buildLog();
        CliRun masked = CliRun.withInput(log, "mask");
        assertThat(masked.exitCode()).isZero();
        assertThat(masked.out().lines().count()).isEqualTo(new String(log, StandardCharsets.UTF_8).lines().count());
        assertThat(masked.out()).contains("****");
        assertClean(masked.out() + masked.err());
    }

    private void assertClean(String everything) {
        for (String value : planted) {
            assertThat(everything).doesNotContain(value)
                    .doesNotContain(Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)))
                    .doesNotContain(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }
}
