package dev.secretsprawl.cli;

import dev.secretsprawl.testing.SyntheticCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class BaselineCommandTest {
    @TempDir
    Path tree;
    @TempDir
    Path work;
    private final SyntheticCredentials tokens = new SyntheticCredentials(5);

    @Test
    void shouldSuppressBaselinedFindingsAndReportOnlyNewOnes() throws IOException {
        String old = tokens.next("github-pat");
        Files.writeString(tree.resolve("legacy.env"), "TOKEN=" + old + "\n");
        Path baseline = work.resolve("baseline.json");

        assertThat(CliRun.of("baseline", "create", tree.toString(), "-o", baseline.toString()).exitCode()).isZero();
        assertThat(Files.readString(baseline)).contains("github-pat-classic").doesNotContain(old);
        assertThat(CliRun.of("scan", "dir", tree.toString(), "--baseline", baseline.toString()).exitCode()).isZero();

        // the same secret moved down the file keeps its fingerprint
        Files.writeString(tree.resolve("legacy.env"), "# moved\n\nTOKEN = " + old + "\n");
        assertThat(CliRun.of("scan", "dir", tree.toString(), "--baseline", baseline.toString()).exitCode()).isZero();

        Files.writeString(tree.resolve("new.env"), "TOKEN=" + tokens.next("github-pat") + "\n");
        CliRun run = CliRun.of("scan", "dir", tree.toString(), "--baseline", baseline.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("new.env").doesNotContain("legacy.env:");
    }

    @Test
    void shouldRefuseToOverwriteAndUpdateOnRequest() throws IOException {
        Files.writeString(tree.resolve("a.env"), "T=" + tokens.next("github-pat"));
        Path baseline = work.resolve("b.json");
        assertThat(CliRun.of("baseline", "create", tree.toString(), "-o", baseline.toString()).exitCode()).isZero();
        CliRun again = CliRun.of("baseline", "create", tree.toString(), "-o", baseline.toString());
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("baseline update");

        Files.delete(tree.resolve("a.env"));
        Files.writeString(tree.resolve("b.env"), "T=" + tokens.next("github-pat"));
        CliRun update = CliRun.of("baseline", "update", tree.toString(), "-o", baseline.toString());
        assertThat(update.exitCode()).isZero();
        assertThat(update.err()).contains("1 added, 1 removed, 1 in all");
    }

    @Test
    void shouldExplainAMissingBaseline() {
        CliRun run = CliRun.of("scan", "dir", tree.toString(), "--baseline", work.resolve("none.json").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("sprawl baseline create");
    }
}
