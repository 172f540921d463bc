package dev.secretsprawl.scan;

import java.util.List;

/**
 * What a scan found and everything worth telling about how it went.
 *
 * @param findings         findings not suppressed, ordered by path and line
 * @param suppressed       findings suppressed by a baseline or a live allowlist entry
 * @param expiredAllowlist allowlist entries past their expiry: they no longer suppress
 */
public record ScanResult(String target, List<Finding> findings, List<Finding> suppressed, List<ScanWarning> warnings,
                         List<AllowlistEntry> expiredAllowlist, ScanStats stats) {
    public ScanResult {
        findings = List.copyOf(findings);
        suppressed = List.copyOf(suppressed);
        warnings = List.copyOf(warnings);
        expiredAllowlist = List.copyOf(expiredAllowlist);
    }

    /** True when some item could not be scanned because of an error: "no findings" would not be the whole truth. */
    public boolean incomplete() {
        return stats.skippedByReason().getOrDefault("scan-error", 0L) > 0;
    }
}
