package dev.secretsprawl.report;

import dev.secretsprawl.scan.Finding;
import dev.secretsprawl.scan.ScanResult;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A finding's liveness as verification left it in the finding's properties ({@code verification} =
 * live|dead|unknown, {@code verificationDetail}); every format shows it the same way.
 */
final class Verifications {
    static final String STATUS = "verification";
    static final String DETAIL = "verificationDetail";
    private static final String[] STATUSES = {"live", "dead", "unknown"};

    private Verifications() {
    }

    static Optional<String> status(Finding f) {
        return Optional.ofNullable(f.properties().get(STATUS));
    }

    /** {@code live (authenticated as deploy-bot)}, or empty when the finding was not verified. */
    static String line(Finding f) {
        return status(f).map(s -> {
            String detail = f.properties().getOrDefault(DETAIL, "");
            return detail.isEmpty() ? s : s + " (" + detail + ")";
        }).orElse("");
    }

    static boolean anyVerified(ScanResult result) {
        return result.findings().stream().anyMatch(f -> status(f).isPresent());
    }

    /** Counts per status, all three present, in a stable order. */
    static Map<String, Long> counts(ScanResult result) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String s : STATUSES) {
            counts.put(s, result.findings().stream().filter(f -> s.equals(f.properties().get(STATUS))).count());
        }
        return counts;
    }
}
