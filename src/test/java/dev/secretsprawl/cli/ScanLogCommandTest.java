package dev.secretsprawl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.secretsprawl.testing.SyntheticCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class ScanLogCommandTest {
    private static final String ESC = "\u001b";
    @TempDir
    Path dir;
    private final SyntheticCredentials tokens = new SyntheticCredentials(4242);

    private JsonNode scan(String log) throws IOException {
        Path file = dir.resolve("console.log");
        Files.writeString(file, log);
        Path report = dir.resolve("report.json");
        CliRun run = CliRun.of("scan", "log", file.toString(), "--format", "json", "--output", report.toString(), "--quiet");
        assertThat(run.exitCode()).as(run.err()).isIn(0, 1);
        return new ObjectMapper().readTree(report.toFile());
    }

    private static List<String> where(JsonNode report) {
        List<String> out = new ArrayList<>();
        report.get("findings").forEach(f -> out.add(f.get("ruleId").asText() + "@" + f.get("line").asInt() + ":" + f.get("column").asInt()));
        return out;
    }

    @Test
    void shouldFindASecretInEveryLogDialectAtItsOriginalLineAndColumn() throws IOException {
        String pat = tokens.next("github-pat");
        String log = String.join("\n",
                "[2026-11-22T10:00:00.123Z] [Pipeline] sh",                                   // Jenkins timestamper
                "[2026-11-22T10:00:00.125Z] + export GITHUB_TOKEN=" + pat,                    // 2: set -x behind it
                "2026-11-22T10:00:01.1234567Z " + ESC + "[36;1mGITHUB_TOKEN=" + pat + ESC + "[0m", // 3: GitHub Actions, colour
                "2026-11-22T10:00:02.123456Z 00O token " + pat,                              // 4: GitLab trace
                "{\"level\":\"info\",\"msg\":\"cloning with token " + pat + "\"}",            // 5: JSON log line
                "plain line") + "\r\n";
        JsonNode report = scan(log.replace("\n", "\r\n"));
        assertThat(where(report)).containsExactly(
                "github-pat-classic@2:50", "github-pat-classic@3:50", "github-pat-classic@4:39", "github-pat-classic@5:43");
        assertThat(report.get("findings").get(0).get("path").asText()).isEqualTo("console.log");
    }

    @Test
    void shouldFindASecretSplitByAColourCode() throws IOException {
        String pat = tokens.next("github-pat");
        JsonNode report = scan("pushing with " + pat.substring(0, 10) + ESC + "[1m" + pat.substring(10) + ESC + "[0m\n");
        assertThat(where(report)).containsExactly("github-pat-classic@1:14");
    }

    @Test
    void shouldFindBase64UrlAndJsonEscapedSecrets() throws IOException {
        String pat = tokens.next("github-pat");
        String b64 = Base64.getEncoder().encodeToString(("ci:" + pat).getBytes(StandardCharsets.UTF_8));
        String log = "+ curl -H 'Authorization: Basic " + b64 + "' https://api.internal\n"
                + "POST /hook?token=" + URLEncoder.encode(pat, StandardCharsets.UTF_8) + "&x=1\n"
                + "{\"event\":\"config\",\"body\":\"{\\\"token\\\":\\\"" + pat + "\\\"}\"}\n";
        JsonNode report = scan(log);
        assertThat(report.get("findings")).hasSize(3);
        assertThat(where(report)).allMatch(w -> w.startsWith("github-pat-classic@"));
        assertThat(report.get("findings").get(0).get("line").asInt()).isEqualTo(1);
        assertThat(report.get("findings").get(2).get("line").asInt()).isEqualTo(3);
    }

    @Test
    void shouldReportAPrivateKeyCutByAChunkBoundaryOnceAtItsFirstLine() throws IOException {
        String key = tokens.next("rsa-private-key");
        StringBuilder log = new StringBuilder();
        int line = 0;
        // filler up to just before the 256 KB chunk boundary, so the key block straddles it
        while (log.length() < 256 * 1024 - 400) {
            log.append("[2026-11-22T10:00:00.000Z] compiling module ").append(line++).append('\n');
        }
        int keyLine = line + 1;
        for (String k : key.split("\n")) {
            log.append("[2026-11-22T10:00:01.000Z] ").append(k).append('\n');
        }
        log.append("done\n");
        JsonNode report = scan(log.toString());
        assertThat(report.get("findings")).hasSize(1);
        assertThat(report.get("findings").get(0).get("line").asInt()).isEqualTo(keyLine);
        assertThat(report.get("findings").get(0).get("column").asInt()).isEqualTo(28);
    }

    @Test
    void shouldReadStdinAndGzipLogs() throws IOException {
        String pat = tokens.next("github-pat");
        CliRun stdin = CliRun.withInput(("a\nGITHUB_TOKEN=" + pat + "\n").getBytes(StandardCharsets.UTF_8), "scan", "log", "-");
        assertThat(stdin.exitCode()).isEqualTo(1);
        assertThat(stdin.out()).contains("github-pat-classic  stdin:2:14");

        Path gz = dir.resolve("build.log.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(("x\ny\nGITHUB_TOKEN=" + pat + "\n").getBytes(StandardCharsets.UTF_8));
        }
        CliRun zipped = CliRun.of("scan", "log", gz.toString());
        assertThat(zipped.exitCode()).isEqualTo(1);
        assertThat(zipped.out()).contains("build.log.gz:3:14").doesNotContain(pat);
    }

    @Test
    void shouldNeverReportSafeReferencesOrJenkinsMaskedValues() throws IOException {
        JsonNode report = scan("""
                [Pipeline] withCredentials
                Masking supported pattern matches of $GITHUB_TOKEN or $DEPLOY_PASSWORD
                + curl -u deploy:**** https://nexus.internal/repository
                + export DB_PASSWORD=****
                GITHUB_TOKEN=${{ secrets.GITHUB_TOKEN }}
                + docker login -u gitlab-ci-token -p $CI_JOB_TOKEN registry.gitlab.com
                """);
        assertThat(report.get("findings")).isEmpty();
    }

    @Test
    void shouldExplainUsageErrors() {
        CliRun missing = CliRun.of("scan", "log", dir.resolve("nope.log").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("does not exist");
        CliRun folder = CliRun.of("scan", "log", dir.toString());
        assertThat(folder.exitCode()).isEqualTo(2);
        assertThat(folder.err()).contains("scan dir");
        assertThat(CliRun.of("scan", "log", "--help").out()).contains("timestamp").contains("sprawl mask");
    }
}
