package dev.secretsprawl.scan;

import dev.secretsprawl.rules.Severity;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SuppressionsTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private final Finding finding = finding("rule-a", "test/fixtures/a.json", "fp-1");

    @Test
    void shouldSuppressBaselinedFingerprints() {
        Suppressions s = new Suppressions(Set.of("fp-1"), List.of(), TODAY);
        assertThat(s.suppresses(finding)).isTrue();
        assertThat(s.suppresses(finding("rule-a", "test/fixtures/a.json", "fp-2"))).isFalse();
    }

    @Test
    void shouldSuppressWithALiveEntryUpToAndIncludingItsExpiryDay() {
        AllowlistEntry entry = new AllowlistEntry(null, "rule-a", PathGlob.of("test/fixtures/"), "team", "fixture", TODAY);
        Suppressions s = new Suppressions(Set.of(), List.of(entry), TODAY);
        assertThat(s.suppresses(finding)).isTrue();
        assertThat(s.suppresses(finding("rule-b", "test/fixtures/a.json", "fp-1"))).isFalse();
        assertThat(s.expired()).isEmpty();
    }

    @Test
    void shouldStopSuppressingAfterExpiryAndReportTheEntry() {
        AllowlistEntry entry = new AllowlistEntry("fp-1", null, null, "team", "fixture", TODAY.minusDays(1));
        Suppressions s = new Suppressions(Set.of(), List.of(entry), TODAY);
        assertThat(s.suppresses(finding)).isFalse();
        assertThat(s.expired()).containsExactly(entry);
    }

    static Finding finding(String rule, String path, String fingerprint) {
        return new Finding(rule, "d", Severity.HIGH, null, new Location(path, 1, 1, 1, 2), new Secret("v"),
                "h", new Fingerprint(fingerprint), null, Map.of());
    }
}
