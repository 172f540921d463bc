package dev.secretsprawl.cli;

import dev.secretsprawl.testing.SyntheticCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ScanDirCommandTest {
    @TempDir
    Path tree;
    private final SyntheticCredentials tokens = new SyntheticCredentials(99);

    @Test
    void shouldExitOneWithAReportWhenSecretsAreFound() throws IOException {
        write("deploy/app.env", "GITHUB_TOKEN=" + tokens.next("github-pat") + "\n");
        CliRun run = CliRun.of("scan", "dir", tree.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("github-pat-classic  deploy/app.env:1:14").contains("1 secret found");
    }

    @Test
    void shouldExitZeroOnACleanTree() throws IOException {
        write("README.md", "Set GITHUB_TOKEN=${{ secrets.GITHUB_TOKEN }} in the workflow.\n");
        CliRun run = CliRun.of("scan", "dir", tree.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("No secrets found in 1 scanned item");
    }

    @Test
    void shouldWriteTheReportToAFileAndSummarizeOnStderr() throws IOException {
        write("a.env", "T=" + tokens.next("github-pat"));
        Path sarif = tree.resolve("out/report.sarif");
        CliRun run = CliRun.of("scan", "dir", tree.toString(), "--format", "sarif", "--output", sarif.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("1 secret found").contains("report.sarif");
        assertThat(Files.readString(sarif)).contains("\"version\" : \"2.1.0\"");
    }

    @Test
    void shouldWriteExtraReportsFromOneScan() throws IOException {
        write("a.env", "T=" + tokens.next("github-pat"));
        Path sarif = tree.resolve("out/report.sarif");
        Path junit = tree.resolve("out/junit.xml");
        Path json = tree.resolve("out/report.json");
        CliRun run = CliRun.of("scan", "dir", tree.resolve("a.env").toString(), "--format", "sarif", "--output", sarif.toString(),
                "--report", "junit:" + junit, "--report", "json:" + json);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(Files.readString(sarif)).contains("\"version\" : \"2.1.0\"");
        assertThat(Files.readString(junit)).contains("<testsuite").contains("github-pat-classic");
        assertThat(Files.readString(json)).contains("\"bySeverity\" : {").contains("\"critical\" : 1");
    }

    @Test
    void shouldRejectAMalformedExtraReportBeforeScanning() {
        CliRun noFile = CliRun.of("scan", "dir", tree.toString(), "--report", "junit");
        assertThat(noFile.exitCode()).isEqualTo(2);
        assertThat(noFile.err()).contains("FORMAT:FILE");
        CliRun badFormat = CliRun.of("scan", "dir", tree.toString(), "--report", "pdf:x.pdf");
        assertThat(badFormat.exitCode()).isEqualTo(2);
        assertThat(badFormat.err()).contains("unknown format 'pdf'");
    }

    @Test
    void shouldFailOnlyAtOrAboveTheRequestedSeverity() throws IOException {
        write(".sprawl.toml", """
                [[rules]]
                id = "acme-low"
                description = "ACME low-value token"
                severity = "low"
                regex = '''\\b(acme_[a-z0-9]{24})\\b'''
                secretGroup = 1
                keywords = ["acme_"]
                match = ["acme_0a1b2c3d4e5f6g7h8i9j0k1l"]
                nomatch = ["acme_short"]
                """);
        write("a.txt", "acme_q8zmy2vlx0rk4tn6p3w5s7u9");
        assertThat(CliRun.of("scan", "dir", tree.toString(), "--fail-on", "high").exitCode()).isZero();
        assertThat(CliRun.of("scan", "dir", tree.toString(), "--fail-on", "low").exitCode()).isEqualTo(1);
    }

    @Test
    void shouldReportUsageErrorsWithExitTwoAndAHint() {
        CliRun missing = CliRun.of("scan", "dir", tree.resolve("nope").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("does not exist");

        CliRun format = CliRun.of("scan", "dir", tree.toString(), "--format", "pdf");
        assertThat(format.exitCode()).isEqualTo(2);
        assertThat(format.err()).contains("use one of text, sarif, json, junit, html");

        CliRun option = CliRun.of("scan", "dir", tree.toString(), "--frobnicate");
        assertThat(option.exitCode()).isEqualTo(2);
        assertThat(option.err()).contains("Unknown option").contains("--help");

        assertThat(CliRun.of("scan", "dir", tree.toString(), "--fail-on", "urgent").err()).contains("unknown severity");
        assertThat(CliRun.of("scan", "dir", tree.toString(), "--shard", "3/2").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("scan", "dir", tree.toString(), "--max-file-size", "big").exitCode()).isEqualTo(2);
        assertThat(CliRun.of().exitCode()).isEqualTo(2);
        assertThat(CliRun.of("scan").exitCode()).isEqualTo(2);
    }

    @Test
    void shouldRefuseAnUnwritableReportDestinationBeforeScanning() throws IOException {
        write("a.env", "T=" + tokens.next("github-pat"));
        write("blocker", "a file where a folder is needed");
        CliRun run = CliRun.of("scan", "dir", tree.toString(), "--output", tree.resolve("blocker/report.sarif").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("sprawl: cannot write the report to").contains("blocker").doesNotContain("\tat ");
        assertThat(run.out()).doesNotContain("github-pat-classic");
        assertThat(Files.readString(tree.resolve("blocker"))).isEqualTo("a file where a folder is needed");
    }

    @Test
    void shouldValidateEveryOptionBeforeScanning() throws IOException {
        Path report = tree.resolve("out.json");
        CliRun run = CliRun.of("scan", "dir", tree.toString(), "--fail-on", "bogus", "-f", "json", "-o", report.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(Files.exists(report)).isFalse();
        assertThat(CliRun.of("scan", "dir", tree.toString(), "--threads", "0").err()).contains("--threads must be 1 or more");
        assertThat(CliRun.of("scan", "dir", tree.toString(), "--max-file-size", "99999999999G").err()).contains("at most 1GB");
    }

    @Test
    void shouldWriteReportsOthersCanRead() throws IOException {
        write("a.env", "T=" + tokens.next("github-pat"));
        Path report = tree.resolve("r.sarif");
        CliRun.of("scan", "dir", tree.toString(), "-f", "sarif", "-o", report.toString());
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(report)))
                .isEqualTo("rw-r--r--");
    }

    @Test
    void shouldPrintNoTerminalControlCharactersFromScannedFiles() throws IOException {
        char escape = 27;
        write("app.py", "password = \"" + escape + "[2J" + tokens.base62(14) + "!" + escape + "[8m\"\n");
        CliRun run = CliRun.of("scan", "dir", tree.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).doesNotContain("\u001b");
    }

    @Test
    void shouldRejectABrokenConfigWithItsLocation() throws IOException {
        write(".sprawl.toml", "[[allowlist]]\nrule = \"github-pat-classic\"\n");
        CliRun run = CliRun.of("scan", "dir", tree.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(".sprawl.toml [[allowlist]] #1").contains("owner, reason, expires");
    }

    @Test
    void shouldRejectBrokenRuleFilesWithTheirLocation() throws IOException {
        write("myrules/bad.toml", "[[rules]]\nid = \"Bad Id\"\n");
        CliRun run = CliRun.of("scan", "dir", tree.toString(), "--rules", tree.resolve("myrules").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("bad.toml").contains("id must be lowercase");
    }

    @Test
    void shouldSuppressWithALiveAllowlistEntryAndReportAnExpiredOne() throws IOException {
        write("test/fixtures/token.txt", tokens.next("github-pat"));
        write(".sprawl.toml", """
                [[allowlist]]
                rule = "github-pat-classic"
                path = "test/fixtures/"
                owner = "platform-team"
                reason = "revoked token kept as a fixture"
                expires = 2999-12-31
                """);
        CliRun live = CliRun.of("scan", "dir", tree.toString());
        assertThat(live.exitCode()).isZero();
        assertThat(live.out()).contains("1 suppressed by baseline or allowlist");

        write(".sprawl.toml", Files.readString(tree.resolve(".sprawl.toml")).replace("2999-12-31", "2020-01-01"));
        CliRun expired = CliRun.of("scan", "dir", tree.toString());
        assertThat(expired.exitCode()).isEqualTo(1);
        assertThat(expired.out()).contains("allowlist entry expired and no longer suppresses")
                .contains("owner platform-team");
    }

    @Test
    void shouldTeachUsageInHelp() {
        CliRun help = CliRun.of("scan", "dir", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--format").contains("--baseline").contains("--shard").contains("Examples:");
    }

    @Test
    void shouldListRules() {
        CliRun run = CliRun.of("rules");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("github-pat-classic").containsPattern("\\d+ rules");
    }

    private void write(String path, String text) throws IOException {
        Path file = tree.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
