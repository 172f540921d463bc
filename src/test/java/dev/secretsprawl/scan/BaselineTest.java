package dev.secretsprawl.scan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BaselineTest {
    @TempDir
    Path dir;

    @Test
    void shouldRoundTripFingerprintsWithoutSecrets() throws IOException {
        Finding a = SuppressionsTest.finding("rule-a", "b.env", "fp-b");
        Finding b = SuppressionsTest.finding("rule-a", "a.env", "fp-a");
        Baseline baseline = Baseline.of(List.of(a, b, a));
        Path file = dir.resolve("nested/baseline.json");
        baseline.write(file);

        Baseline read = Baseline.read(file);
        assertThat(read.entries()).extracting(Baseline.Entry::path).containsExactly("a.env", "b.env");
        assertThat(read.fingerprints()).containsExactlyInAnyOrder("fp-a", "fp-b");
        assertThat(Files.readString(file)).doesNotContain("\"v\"").contains("\"version\" : 1");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-r--r--");
        try (java.util.stream.Stream<Path> left = Files.list(file.getParent())) {
            assertThat(left).containsExactly(file);
        }
    }

    @Test
    void shouldExplainAFileThatIsNotABaseline() throws IOException {
        Path file = dir.resolve("x.json");
        Files.writeString(file, "{\"runs\": []}");
        assertThatThrownBy(() -> Baseline.read(file)).hasMessageContaining("sprawl baseline create");
        String token = new dev.secretsprawl.testing.SyntheticCredentials(1).next("github-pat");
        Files.writeString(file, token + "\n");
        assertThatThrownBy(() -> Baseline.read(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("not valid JSON").hasMessageContaining("line 1")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(token.substring(4)));
    }
}
