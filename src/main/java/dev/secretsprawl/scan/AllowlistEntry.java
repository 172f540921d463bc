package dev.secretsprawl.scan;

import java.time.LocalDate;

/**
 * A temporary, owned exception: suppresses findings matching {@code fingerprint} and/or {@code rule}
 * and/or {@code path} until {@code expires} (inclusive). After that it stops suppressing and is reported.
 */
public record AllowlistEntry(String fingerprint, String rule, PathGlob path, String owner, String reason,
                             LocalDate expires) {

    public boolean expiredOn(LocalDate today) {
        return today.isAfter(expires);
    }

    public boolean matches(Finding finding) {
        return (fingerprint == null || fingerprint.equals(finding.fingerprint().value()))
                && (rule == null || rule.equals(finding.ruleId()))
                && (path == null || path.matches(finding.location().path()));
    }

    /** How the entry reads in reports: what it matches, whose it is, when it ran out. */
    public String describe() {
        StringBuilder s = new StringBuilder();
        if (fingerprint != null) {
            s.append("fingerprint ").append(fingerprint).append(' ');
        }
        if (rule != null) {
            s.append("rule ").append(rule).append(' ');
        }
        if (path != null) {
            s.append("path ").append(path.glob()).append(' ');
        }
        return s.append("(owner ").append(owner).append(", expires ").append(expires).append(": ").append(reason)
                .append(')').toString();
    }
}
