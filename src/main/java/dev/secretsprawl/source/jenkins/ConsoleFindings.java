package dev.secretsprawl.source.jenkins;

import dev.secretsprawl.scan.Finding;
import dev.secretsprawl.scan.Fingerprint;
import dev.secretsprawl.scan.Occurrence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A secret a job prints in every build is one finding, not one per build: reported at the newest build
 * that printed it, with the older ones as further occurrences, under a fingerprint that names the job's
 * console rather than one build, so a baseline made today still holds after the next build.
 */
final class ConsoleFindings {
    /** Property carrying the job's console URL (without a build number) on console fragments. */
    static final String JOB_CONSOLE = "jobConsole";

    private ConsoleFindings() {
    }

    static List<Finding> merge(List<Finding> detected) {
        List<Finding> out = new ArrayList<>();
        Map<String, List<Finding>> byJobSecret = new LinkedHashMap<>();
        for (Finding f : detected) {
            String console = f.properties().get(JOB_CONSOLE);
            if (console == null) {
                out.add(f);     // a config.xml finding: its path is already stable
            } else {
                byJobSecret.computeIfAbsent(f.ruleId() + "\n" + console + "\n" + f.secretHash(), k -> new ArrayList<>()).add(f);
            }
        }
        Comparator<Finding> newestFirst = Comparator.comparingInt(ConsoleFindings::build).reversed()
                .thenComparingInt(f -> f.location().startLine());
        for (List<Finding> group : byJobSecret.values()) {
            group.sort(newestFirst);
            Finding newest = group.get(0);
            List<Occurrence> older = group.subList(1, group.size()).stream().map(Finding::occurrence).toList();
            out.add(newest.withFingerprint(Fingerprint.of(newest.ruleId(), newest.properties().get(JOB_CONSOLE), newest.secretHash()))
                    .withOtherOccurrences(older));
        }
        return out;
    }

    private static int build(Finding f) {
        try {
            return Integer.parseInt(f.properties().getOrDefault("build", "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
