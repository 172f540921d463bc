package dev.secretsprawl.migrate;

import dev.secretsprawl.migrate.ledger.Ledger;
import dev.secretsprawl.migrate.ledger.LedgerRecord;
import dev.secretsprawl.migrate.ledger.Step;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One credential's records in the ledger, in order: what is done, what failed last, where it stands. */
public record CredentialHistory(String migration, String credential, List<LedgerRecord> records) {

    /** Every credential of the ledger, keyed by migration and name, in first-seen order. */
    public static Map<String, CredentialHistory> all(Ledger ledger) {
        Map<String, List<LedgerRecord>> grouped = new LinkedHashMap<>();
        for (LedgerRecord r : ledger.records()) {
            grouped.computeIfAbsent(r.migration() + "\u0000" + r.credential(), k -> new ArrayList<>()).add(r);
        }
        Map<String, CredentialHistory> out = new LinkedHashMap<>();
        grouped.forEach((k, rs) -> out.put(k, new CredentialHistory(rs.get(0).migration(), rs.get(0).credential(), rs)));
        return out;
    }

    public static CredentialHistory of(Ledger ledger, String migration, String credential) {
        return new CredentialHistory(migration, credential, ledger.records().stream()
                .filter(r -> r.migration().equals(migration) && r.credential().equals(credential)).toList());
    }

    public boolean done(Step step) {
        return last(step).isPresent();
    }

    public Optional<LedgerRecord> last(Step step) {
        LedgerRecord found = null;
        for (LedgerRecord r : records) {
            if (r.step() == step) {
                found = r;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The furthest step reached (failures aside), or PLANNED for a credential with no record yet. */
    public Step stage() {
        Step stage = Step.PLANNED;
        for (LedgerRecord r : records) {
            if (r.step() != Step.FAILED && r.step().ordinal() >= stage.ordinal() && r.step() != Step.REISSUE_TASK) {
                stage = r.step();
            }
        }
        if (stage != Step.CLOSED && done(Step.REISSUE_TASK) && !done(Step.ROTATED)) {
            return Step.REISSUE_TASK;
        }
        return stage;
    }

    /** The last failure, if nothing succeeded after it. */
    public Optional<LedgerRecord> pendingFailure() {
        if (records.isEmpty() || records.get(records.size() - 1).step() != Step.FAILED) {
            return Optional.empty();
        }
        return Optional.of(records.get(records.size() - 1));
    }

    public Instant started() {
        return records.isEmpty() ? Instant.now() : records.get(0).at();
    }

    public Instant lastChange() {
        return records.isEmpty() ? Instant.now() : records.get(records.size() - 1).at();
    }

    public Optional<LedgerRecord> planned() {
        return last(Step.PLANNED);
    }
}
