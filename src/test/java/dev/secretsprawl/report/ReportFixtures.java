package dev.secretsprawl.report;

import dev.secretsprawl.rules.RuleLoader;
import dev.secretsprawl.rules.RulePack;
import dev.secretsprawl.scan.AllowlistEntry;
import dev.secretsprawl.scan.Detector;
import dev.secretsprawl.scan.Finding;
import dev.secretsprawl.scan.Location;
import dev.secretsprawl.scan.Occurrence;
import dev.secretsprawl.scan.Fragment;
import dev.secretsprawl.scan.PathGlob;
import dev.secretsprawl.scan.ScanResult;
import dev.secretsprawl.scan.ScanStats;
import dev.secretsprawl.scan.ScanWarning;
import dev.secretsprawl.scan.SecretHasher;
import dev.secretsprawl.testing.SyntheticCredentials;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Deterministic scan results for reporter tests: seeded synthetic tokens, the default hash key. */
final class ReportFixtures {
    static final RulePack RULES = RuleLoader.fromDirectory(Path.of("rules"));
    static final ReportContext CONTEXT = new ReportContext("secret-sprawl", "1.2.3-test", RULES, false);
    static final ReportContext REDACTED = new ReportContext("secret-sprawl", "1.2.3-test", RULES, true);

    private static final SyntheticCredentials TOKENS = new SyntheticCredentials(2026);
    static final String PAT = TOKENS.next("github-pat");
    static final String OAUTH = TOKENS.next("github-oauth");

    private ReportFixtures() {
    }

    static ScanResult empty() {
        ScanStats stats = new ScanStats();
        stats.scanned(120);
        return new ScanResult("/work/repo", List.of(), List.of(), List.of(), List.of(), stats);
    }

    static ScanResult multiple() {
        Detector detector = new Detector(RULES, SecretHasher.defaultKey());
        List<Finding> findings = new ArrayList<>();
        findings.addAll(detector.detect(Fragment.of("# deploy settings\nREGION=eu\nGITHUB_TOKEN=" + PAT + "\n",
                "config/app & prod.env")));
        String encoded = Base64.getEncoder().encodeToString(("oauth: " + OAUTH).getBytes(StandardCharsets.UTF_8));
        List<Finding> history = detector.detect(new Fragment("apiVersion: v1\nkind: Secret\ndata:\n  gh: " + encoded + "\n",
                "k8s/<secret>.yaml", 1, Map.of("commit", "9fceb02d0ae598e95dc970b74767f19372d61af8",
                "author", "Dev Eloper", "email", "dev@example.org", "date", "2026-11-01T10:00:00Z")));
        // the same secret introduced again on another branch: one finding, a second location
        Finding first = history.get(0);
        findings.add(first.withOtherOccurrences(List.of(new Occurrence(
                new Location(first.location().path(), 7, 7, 7, 40), Map.of("commit", "0c5d1e3f2a4b6c8d0e1f2a3b4c5d6e7f8091a2b3",
                        "author", "Other Dev", "email", "other@example.org", "date", "2026-11-03T09:30:00Z")))));
        ScanStats stats = new ScanStats();
        stats.scanned(2048);
        stats.scanned(1024);
        stats.skipped("binary");
        AllowlistEntry expired = new AllowlistEntry(null, "github-pat-classic", PathGlob.of("test/"), "platform-team",
                "fixture awaiting rotation", LocalDate.of(2026, 1, 31));
        return new ScanResult("/work/repo", findings, List.of(),
                List.of(new ScanWarning("binary", null, "skipped 1 binary file"),
                        new ScanWarning("allowlist-expired", null, "allowlist entry expired and no longer suppresses: "
                                + expired.describe())),
                List.of(expired), stats);
    }
}
