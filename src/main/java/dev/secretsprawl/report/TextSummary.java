package dev.secretsprawl.report;

import dev.secretsprawl.rules.Severity;
import dev.secretsprawl.scan.ScanResult;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The one-line summary of a scan, shared by the text and HTML reports and the CLI's stderr. */
public final class TextSummary {
    private TextSummary() {
    }

    public static String of(ScanResult result) {
        Map<Severity, Long> bySeverity = new EnumMap<>(Severity.class);
        result.findings().forEach(f -> bySeverity.merge(f.severity(), 1L, Long::sum));
        String counts = bySeverity.isEmpty() ? "" : " (" + bySeverity.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().label()).collect(Collectors.joining(", ")) + ")";
        int n = result.findings().size();
        String head = n == 0 ? "No secrets found" : n + (n == 1 ? " secret found" : " secrets found") + counts;
        String suppressed = result.suppressed().isEmpty() ? ""
                : "; " + result.suppressed().size() + " suppressed by baseline or allowlist";
        String verified = "";
        if (Verifications.anyVerified(result)) {
            verified = "; verified: " + Verifications.counts(result).entrySet().stream()
                    .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
        }
        long items = result.stats().fragments();
        return head + " in " + items + " scanned item" + (items == 1 ? "" : "s")
                + " (" + humanBytes(result.stats().bytes()) + ")" + suppressed + verified + ".";
    }

    static String humanBytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
