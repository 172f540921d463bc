package dev.secretsprawl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.secretsprawl.testing.SyntheticCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pipeline configurations as teams write them (src/test/resources/pipelines): Jenkinsfiles (declarative and
 * scripted), a job config.xml, JCasC, a GitHub Actions workflow and .gitlab-ci.yml. Each {@code @@kind#rule@@}
 * marker becomes a credential generated for this run, which must be reported with that rule on that line;
 * nothing else may be reported, so every safe reference in the files (credentials('id'), withCredentials,
 * ${{ secrets.X }}, $CI_JOB_TOKEN, [MASKED], ${readFile:...}) is checked to stay silent.
 */
class PipelineConfigTest {
    private static final Path CORPUS = Path.of("src/test/resources/pipelines");
    private static final Pattern MARKER = Pattern.compile("@@([a-z-]+)#([a-z0-9-]+)@@");

    @TempDir
    Path tree;
    private final SyntheticCredentials credentials = SyntheticCredentials.random();
    private final Set<String> expected = new TreeSet<>();

    @Test
    void shouldReportEveryPlantedCredentialWithItsRuleAndNothingElse() throws IOException {
        materialize();
        Path report = tree.resolve("report.json");
        CliRun run = CliRun.of("scan", "dir", tree.resolve("repo").toString(), "--format", "json", "--output", report.toString(), "--quiet");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        Set<String> found = new TreeSet<>();
        new ObjectMapper().readTree(report.toFile()).get("findings")
                .forEach(f -> found.add(f.get("path").asText() + ":" + f.get("line").asInt() + " " + f.get("ruleId").asText()));
        Set<String> missed = new TreeSet<>(expected);
        missed.removeAll(found);
        Set<String> extra = new TreeSet<>(found);
        extra.removeAll(expected);
        assertThat(missed).as("planted but not reported").isEmpty();
        assertThat(extra).as("reported but not planted (a safe reference, or a second rule on a planted value)").isEmpty();
        assertThat(expected).hasSizeGreaterThanOrEqualTo(25);
    }

    @Test
    void shouldReportJenkinsEncryptedSecretsAsEncryptedAtRestOnly() throws IOException {
        materialize();
        CliRun run = CliRun.of("scan", "dir", tree.resolve("repo/jobs").toString(), "--format", "json");
        JsonNode findings = new ObjectMapper().readTree(run.out()).get("findings");
        List<String> encrypted = new ArrayList<>();
        findings.forEach(f -> {
            if (f.get("ruleId").asText().equals("jenkins-encrypted-secret")) {
                encrypted.add(f.get("severity").asText() + " " + f.get("description").asText());
            }
        });
        assertThat(encrypted).hasSize(2).allSatisfy(e -> assertThat(e).startsWith("low ").contains("encrypted at rest"));
    }

    /** Copies the corpus with each marker replaced by a fresh credential, recording where each must be found. */
    private void materialize() throws IOException {
        expected.clear();
        Path repo = tree.resolve("repo");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(CORPUS)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            String relative = CORPUS.relativize(file).toString().replace('\\', '/');
            String[] lines = Files.readString(file, StandardCharsets.UTF_8).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher m = MARKER.matcher(lines[i]);
                StringBuilder out = new StringBuilder();
                while (m.find()) {
                    m.appendReplacement(out, Matcher.quoteReplacement(value(m.group(1))));
                    expected.add(relative + ":" + (i + 1) + " " + m.group(2));
                }
                m.appendTail(out);
                lines[i] = out.toString();
            }
            Path target = repo.resolve(relative);
            Files.createDirectories(target.getParent());
            Files.writeString(target, String.join("\n", lines), StandardCharsets.UTF_8);
        }
    }

    private String value(String kind) {
        return switch (kind) {
            case "password" -> "Zq7" + credentials.base62(13) + "x";
            // hudson.util.Secret at rest: "{" + base64 of version byte 1, IV length, data length, IV, AES data + "}"
            case "jenkins-encrypted" -> "{AQAAABAAAAAw" + Base64.getEncoder().withoutPadding()
                    .encodeToString(credentials.base62(60).getBytes(StandardCharsets.US_ASCII)) + "=}";
            default -> credentials.next(kind);
        };
    }
}
