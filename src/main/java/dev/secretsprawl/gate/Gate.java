package dev.secretsprawl.gate;

import dev.secretsprawl.gate.GateRow.Kind;
import dev.secretsprawl.gate.GateRow.Verdict;
import dev.secretsprawl.migrate.CredentialHistory;
import dev.secretsprawl.migrate.LegacyVerdict;
import dev.secretsprawl.migrate.MigrationRunner;
import dev.secretsprawl.migrate.ledger.LedgerRecord;
import dev.secretsprawl.migrate.ledger.Step;
import dev.secretsprawl.scan.Finding;
import dev.secretsprawl.verify.Credential;
import dev.secretsprawl.verify.Verification;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The policy of DESIGN.md §5 over the ledger and a fresh scan: the build fails while a migrated credential's
 * legacy value still authenticates (asked again now), or still sits in the code, or a finding is neither
 * migrated nor baselined. Before the cutover date those are warnings; a ledger changed by hand always fails.
 */
public final class Gate {
    /** Finds a migrated credential's legacy value again, at each of its places; empty when it cannot. */
    @FunctionalInterface
    public interface LegacyLookup {
        List<Credential> find(CredentialHistory history) throws IOException, InterruptedException;
    }

    private final LegacyLookup lookup;
    private final MigrationRunner.Verifying verifying;

    /** @param verifying asks the verifiers afresh */
    public Gate(LegacyLookup lookup, MigrationRunner.Verifying verifying) {
        this.lookup = lookup;
        this.verifying = verifying;
    }

    /**
     * @param histories the ledger's credentials (latest migration of each value wins)
     * @param findings  the fresh scan, baseline and allowlist already applied
     */
    public GateReport evaluate(Map<String, CredentialHistory> histories, List<Finding> findings, LocalDate cutover,
                               LocalDate today) throws InterruptedException {
        return evaluate(histories, findings, List.of(), cutover, today);
    }

    /**
     * @param suppressed the scan's findings a baseline or allowlist accepted: a migrated credential's legacy value
     *                   among them still sits in the code (a baseline made before the migration must not hide it)
     */
    public GateReport evaluate(Map<String, CredentialHistory> histories, List<Finding> findings, List<Finding> suppressed,
                               LocalDate cutover, LocalDate today) throws InterruptedException {
        List<Finding> inCode = new ArrayList<>(findings);
        inCode.addAll(suppressed);
        Verdict problem = cutover != null && today.isBefore(cutover) ? Verdict.WARN : Verdict.FAIL;
        List<GateRow> rows = new ArrayList<>();
        Set<String> migrated = new HashSet<>();
        for (CredentialHistory h : latestPerValue(histories)) {
            String hash = h.planned().map(r -> r.text("secretHash")).orElse("");
            migrated.add(hash);
            for (Finding f : inCode) {
                if (f.secretHash().equals(hash)) {
                    rows.add(new GateRow(Kind.LEGACY_IN_CODE, problem, h.credential(), f.location().path(),
                            f.location().startLine(), "replace it with a reference: sprawl migrate apply, or by hand"));
                }
            }
            rows.add(liveness(h, proof(histories, hash), hash, problem));
        }
        for (Finding f : findings) {
            if (!migrated.contains(f.secretHash())) {
                rows.add(new GateRow(Kind.UNMIGRATED, problem, "", f.location().path(), f.location().startLine(),
                        f.ruleId() + ": migrate it (sprawl migrate plan) or baseline it"));
            }
        }
        return new GateReport(rows, cutover, today);
    }

    /** The last time any migration of this value proved its legacy value dead (a later plan for it may have failed). */
    private static String proof(Map<String, CredentialHistory> histories, String hash) {
        return histories.values().stream()
                .filter(h -> h.planned().map(r -> r.text("secretHash")).orElse("").equals(hash))
                .flatMap(h -> h.last(Step.VERIFIED).filter(r -> "dead".equals(r.text("legacy"))).stream())
                .max(java.util.Comparator.comparing(LedgerRecord::at))
                .map(r -> "proven dead by apply at " + r.at()).orElse("");
    }

    private GateRow liveness(CredentialHistory h, String proven, String hash, Verdict problem) throws InterruptedException {
        List<Credential> legacy;
        String lookupProblem = "";
        try {
            legacy = lookup.find(h);
        } catch (IOException e) {
            // a store that is down is not a value that is gone: say so, and let only an earlier proof pass
            legacy = List.of();
            lookupProblem = "; the store could not be read (" + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()) + ")";
        }
        if (legacy.isEmpty()) {
            return proven.isEmpty()
                    ? new GateRow(Kind.LEGACY_UNPROVEN, problem, h.credential(), "", 0,
                    "its legacy value is in neither the store nor the code's history, and apply never proved it dead"
                            + lookupProblem)
                    : new GateRow(Kind.LEGACY_DEAD, Verdict.PASS, h.credential(), "", 0, proven
                    + (lookupProblem.isEmpty() ? "; value no longer found to re-check" : "; not re-checked" + lookupProblem));
        }
        Verification v = LegacyVerdict.judge(legacy, hash, verifying);
        return switch (v.status()) {
            case LIVE -> new GateRow(Kind.LEGACY_LIVE, problem, h.credential(), "", 0, v.detail() + "; " + next(h));
            case DEAD -> new GateRow(Kind.LEGACY_DEAD, Verdict.PASS, h.credential(), "", 0, v.detail());
            case UNKNOWN -> proven.isEmpty()
                    ? new GateRow(Kind.LEGACY_UNPROVEN, problem, h.credential(), "", 0, v.detail())
                    : new GateRow(Kind.LEGACY_DEAD, Verdict.PASS, h.credential(), "", 0,
                    proven + "; re-check now unknown: " + v.detail());
        };
    }

    private static String next(CredentialHistory h) {
        return h.last(Step.REISSUE_TASK)
                .map(r -> "re-issue task: " + r.text("owner") + (r.text("deadline").isEmpty() ? "" : ", due " + r.text("deadline")))
                .orElse("run sprawl migrate apply --rotate");
    }

    /** A value migrated twice (a second plan) is judged by its latest migration. */
    private static List<CredentialHistory> latestPerValue(Map<String, CredentialHistory> histories) {
        Map<String, CredentialHistory> byHash = new java.util.LinkedHashMap<>();
        for (CredentialHistory h : histories.values()) {
            if (h.planned().isEmpty()) {
                continue;
            }
            byHash.put(h.planned().get().text("secretHash"), h);
        }
        return List.copyOf(byHash.values());
    }
}
