package dev.secretsprawl.scan;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Decides which findings a baseline or a live allowlist entry suppresses; expired entries never do. */
public final class Suppressions {
    private final Set<String> baseline;
    private final List<AllowlistEntry> live;
    private final List<AllowlistEntry> expired;

    public Suppressions(Set<String> baselineFingerprints, List<AllowlistEntry> allowlist, LocalDate today) {
        this.baseline = Set.copyOf(baselineFingerprints);
        this.live = allowlist.stream().filter(e -> !e.expiredOn(today)).toList();
        this.expired = allowlist.stream().filter(e -> e.expiredOn(today)).toList();
    }

    public static Suppressions none() {
        return new Suppressions(Set.of(), List.of(), LocalDate.now());
    }

    public boolean suppresses(Finding finding) {
        return baseline.contains(finding.fingerprint().value()) || live.stream().anyMatch(e -> e.matches(finding));
    }

    public List<AllowlistEntry> expired() {
        return expired;
    }
}
