package dev.secretsprawl.scan;

import dev.secretsprawl.rules.RuleLoader;
import dev.secretsprawl.testing.SyntheticCredentials;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class FingerprintTest {
    private final Detector detector = new Detector(RuleLoader.fromDirectory(Path.of("rules")), SecretHasher.defaultKey());
    private final String token = new SyntheticCredentials(3).next("github-pat");

    @Test
    void shouldSurviveLineShiftsAndReformatting() {
        Fingerprint before = only("GITHUB_TOKEN=" + token + "\n");
        Fingerprint shifted = only("# new header\n\n\nGITHUB_TOKEN=" + token + "\n");
        Fingerprint reformatted = only("github:\n    token:   \"" + token + "\"   # moved to yaml\n");
        assertThat(shifted).isEqualTo(before);
        assertThat(reformatted).isEqualTo(before);
    }

    @Test
    void shouldDifferByPathAndByValue() {
        Fingerprint here = detector.detect(Fragment.of(token, "a/.env")).get(0).fingerprint();
        Fingerprint there = detector.detect(Fragment.of(token, "b/.env")).get(0).fingerprint();
        Fingerprint other = detector.detect(Fragment.of(new SyntheticCredentials(4).next("github-pat"), "a/.env")).get(0).fingerprint();
        assertThat(here).isNotEqualTo(there).isNotEqualTo(other);
    }

    @Test
    void shouldDependOnTheHashKey() {
        Detector otherKey = new Detector(RuleLoader.fromDirectory(Path.of("rules")), new SecretHasher("another key"));
        assertThat(otherKey.detect(Fragment.of(token, "a/.env")).get(0).fingerprint())
                .isNotEqualTo(detector.detect(Fragment.of(token, "a/.env")).get(0).fingerprint());
    }

    private Fingerprint only(String text) {
        return detector.detect(Fragment.of(text, "config/app.env")).get(0).fingerprint();
    }
}
