package dev.secretsprawl.source.jenkins;

import dev.secretsprawl.rules.Severity;
import dev.secretsprawl.scan.Finding;
import dev.secretsprawl.scan.Fingerprint;
import dev.secretsprawl.scan.Location;
import dev.secretsprawl.scan.Secret;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleFindingsTest {
    private static final String JOB = "https://ci.internal/job/nightly/";

    private static Finding console(int build, int line, String hash) {
        String path = JOB + build + "/consoleText";
        return new Finding("slack-bot-token", "Slack bot token", Severity.CRITICAL, "slack", new Location(path, line, 1, line, 20),
                new Secret("value-" + hash), hash, Fingerprint.of("slack-bot-token", path, hash), null,
                Map.of("job", "nightly", "build", Integer.toString(build), "url", JOB + build + "/",
                        ConsoleFindings.JOB_CONSOLE, JOB + "consoleText"));
    }

    @Test
    void shouldReportASecretPrintedByEveryBuildOnceAtTheNewestBuildUnderAStableFingerprint() {
        List<Finding> merged = ConsoleFindings.merge(List.of(console(41, 3, "h1"), console(43, 5, "h1"), console(42, 4, "h1")));
        assertThat(merged).hasSize(1);
        Finding f = merged.get(0);
        assertThat(f.properties()).containsEntry("build", "43");
        assertThat(f.otherOccurrences()).extracting(o -> o.properties().get("build")).containsExactly("42", "41");
        assertThat(f.fingerprint()).isEqualTo(Fingerprint.of("slack-bot-token", JOB + "consoleText", "h1"));
        // next week's builds print it again: same fingerprint, so a baseline keeps holding
        assertThat(ConsoleFindings.merge(List.of(console(50, 9, "h1"))).get(0).fingerprint()).isEqualTo(f.fingerprint());
    }

    @Test
    void shouldKeepDifferentSecretsAndConfigFindingsApart() {
        Finding config = console(1, 1, "c").withProperties(Map.of("job", "nightly", "url", JOB));
        List<Finding> merged = ConsoleFindings.merge(List.of(console(41, 3, "h1"), console(41, 4, "h2"), config));
        assertThat(merged).hasSize(3).contains(config);
    }
}
