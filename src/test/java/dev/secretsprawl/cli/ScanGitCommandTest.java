package dev.secretsprawl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.secretsprawl.testing.SyntheticCredentials;
import dev.secretsprawl.testing.TestRepo;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ScanGitCommandTest {
    @TempDir
    Path dir;
    private Path repoDir;
    private RevCommit added;
    private RevCommit removed;
    private final SyntheticCredentials tokens = new SyntheticCredentials(77);

    @BeforeEach
    void repository() throws Exception {
        repoDir = dir.resolve("repo");
        try (TestRepo repo = TestRepo.init(repoDir)) {
            repo.write("README.md", "# service\n").commit("start");
            added = repo.write("ci/deploy.env", "REGION=eu\nGITHUB_TOKEN=" + tokens.next("github-pat") + "\n")
                    .commit("deploy settings", "Ana Lyst");
            removed = repo.write("ci/deploy.env", "REGION=eu\nGITHUB_TOKEN=${GITHUB_TOKEN}\n").commit("use the CI secret");
        }
    }

    @Test
    void shouldReportAHistoryOnlySecretInSarifWithItsCommitAuthorAndDate() throws Exception {
        Path sarif = dir.resolve("out/history.sarif");
        CliRun run = CliRun.of("scan", "git", repoDir.toString(), "-f", "sarif", "-o", sarif.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode result = new ObjectMapper().readTree(sarif.toFile()).at("/runs/0/results/0");
        assertThat(result.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo("ci/deploy.env");
        assertThat(result.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(2);
        assertThat(result.at("/partialFingerprints/commitSha").asText()).isEqualTo(added.name());
        assertThat(result.at("/properties/commit").asText()).isEqualTo(added.name());
        assertThat(result.at("/properties/author").asText()).isEqualTo("Ana Lyst");
        assertThat(result.at("/properties/date").asText()).startsWith("2024-01-01T");
        assertThat(run.err()).contains("1 secret found");
    }

    @Test
    void shouldFindNothingAfterTheCommitThatRemovedIt() {
        CliRun run = CliRun.of("scan", "git", repoDir.toString(), "--since-commit", added.name());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("No secrets found");
    }

    @Test
    void shouldCloneAUrlScanItAndRemoveTheClone() throws Exception {
        String url = repoDir.toUri().toString();
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        String before = System.getProperty("java.io.tmpdir");
        System.setProperty("java.io.tmpdir", tmp.toString());
        CliRun run;
        try {
            run = CliRun.of("scan", "git", url, "-f", "json");
        } finally {
            System.setProperty("java.io.tmpdir", before);
        }
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.at("/target").asText()).isEqualTo(url);
        assertThat(report.at("/findings/0/properties/commit").asText()).isEqualTo(added.name());
        try (var left = Files.list(tmp)) {
            assertThat(left).as("the temporary clone is deleted").isEmpty();
        }
    }

    @Test
    void shouldNeverEchoAPasswordWrittenIntoTheUrl() {
        CliRun run = CliRun.of("scan", "git", "https://deploy:Hunter2Secret@127.0.0.1:9/acme/app.git");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("cannot clone https://127.0.0.1:9/acme/app.git").doesNotContain("Hunter2Secret")
                .doesNotContain("deploy:");
    }

    @Test
    void shouldExplainUsageErrorsWithExitTwo() {
        CliRun notThere = CliRun.of("scan", "git", dir.resolve("missing").toString());
        assertThat(notThere.exitCode()).isEqualTo(2);
        assertThat(notThere.err()).contains("is not a folder");

        CliRun noRepo = CliRun.of("scan", "git", dir.toString());
        assertThat(noRepo.exitCode()).isEqualTo(2);
        assertThat(noRepo.err()).contains("not in a git repository");

        CliRun badBranch = CliRun.of("scan", "git", repoDir.toString(), "--branch", "does-not-exist");
        assertThat(badBranch.exitCode()).isEqualTo(2);
        assertThat(badBranch.err()).contains("'does-not-exist'").contains("main");

        CliRun noToken = CliRun.of("scan", "git", "https://example.test/a.git", "--token-env", "SPRAWL_TEST_UNSET_VAR");
        assertThat(noToken.exitCode()).isEqualTo(2);
        assertThat(noToken.err()).contains("SPRAWL_TEST_UNSET_VAR");

        CliRun badSize = CliRun.of("scan", "git", repoDir.toString(), "--max-blob-size", "huge");
        assertThat(badSize.exitCode()).isEqualTo(2);
    }

    @Test
    void shouldSkipVersionsOverMaxBlobSize() throws Exception {
        CliRun run = CliRun.of("scan", "git", repoDir.toString(), "--max-blob-size", "5", "-f", "json");
        assertThat(run.exitCode()).isZero();
        assertThat(new ObjectMapper().readTree(run.out()).at("/summary/skipped/oversized").asInt()).isEqualTo(3);
    }

    @Test
    void shouldTeachWithItsHelp() {
        CliRun run = CliRun.of("scan", "git", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--branch").contains("--since-commit").contains("--max-blob-size")
                .contains("--token-env").contains("Examples:").contains("once, at the commit that added it");
    }
}
