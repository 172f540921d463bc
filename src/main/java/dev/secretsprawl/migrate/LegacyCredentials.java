package dev.secretsprawl.migrate;

import dev.secretsprawl.migrate.ledger.LedgerRecord;
import dev.secretsprawl.migrate.ledger.Step;
import dev.secretsprawl.migrate.plan.MigrationPlan;
import dev.secretsprawl.migrate.plan.MigrationPlan.Consumer;
import dev.secretsprawl.migrate.plan.MigrationPlan.Handling;
import dev.secretsprawl.migrate.plan.MigrationPlan.PlannedCredential;
import dev.secretsprawl.migrate.store.SecretStore;
import dev.secretsprawl.scan.Detector;
import dev.secretsprawl.scan.Secret;
import dev.secretsprawl.scan.SecretHasher;
import dev.secretsprawl.verify.Credential;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A migrated credential's legacy value, found again long after the migration (for the gate): in the store's
 * legacy version, else in the files or the plan's commit. What the ledger's {@code planned} record says is all
 * it needs besides them: the keyed hash, the places, the commit.
 */
public final class LegacyCredentials {
    private LegacyCredentials() {
    }

    /** The planned credential as the ledger recorded it (no store location, no handling details). */
    @SuppressWarnings("unchecked")
    public static PlannedCredential planned(CredentialHistory history) {
        LedgerRecord r = history.planned().orElseThrow(() -> new IllegalStateException("no planned record"));
        List<Consumer> consumers = new ArrayList<>();
        Object list = r.data().get("consumers");
        if (list instanceof List<?> items) {
            for (Object o : items) {
                Map<String, Object> m = (Map<String, Object>) o;
                consumers.add(new Consumer(str(m.get("path")), num(m.get("line")), 1, num(m.get("line")), 1,
                        str(m.get("ruleId")), str(m.get("fingerprint")), "", str(m.get("fileType")), str(m.get("reference"))));
            }
        }
        return new PlannedCredential(history.credential(), r.text("secretHash"), r.text("issuer"), r.text("ruleId"),
                r.text("storeKey"), "", new Handling(r.text("rotation"), ""), new Handling(r.text("revocation"), ""),
                null, consumers);
    }

    /**
     * The legacy credential at each of its places, with its value; empty when the value can be found nowhere.
     *
     * @param store the migration's store, or null when it cannot be opened here
     */
    public static List<Credential> find(CredentialHistory history, SecretStore store, Detector detector,
                                        SecretHasher hasher, TextFiles files) throws IOException, InterruptedException {
        PlannedCredential pc = planned(history);
        LedgerRecord plannedRecord = history.planned().orElseThrow();
        MigrationPlan plan = new MigrationPlan(MigrationPlan.FORMAT, history.migration(), "", "",
                plannedRecord.text("commit"), plannedRecord.text("destination"), plannedRecord.text("owner"), List.of(pc));
        LegacyValues legacy = new LegacyValues(plan, detector, files, dev.secretsprawl.migrate.rewrite.Rewriters::forPath);
        Optional<Secret> value = Optional.empty();
        IOException storeProblem = null;
        Optional<LedgerRecord> stored = history.last(Step.STORED);
        if (store != null && store.readable() && stored.isPresent()) {
            try {
                value = store.version(pc.storeKey(), stored.get().number("version"))
                        .filter(v -> hasher.hash(v).equals(pc.secretHash()));
            } catch (IOException e) {
                storeProblem = e; // the code's history may still hold it
            }
        }
        if (value.isEmpty()) {
            value = legacy.fromFiles(pc);
        }
        if (value.isEmpty() && storeProblem != null) {
            throw storeProblem;
        }
        return value.isEmpty() ? List.of() : legacy.credentials(pc, value.get());
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    private static int num(Object o) {
        return o instanceof Number n ? n.intValue() : 0;
    }
}
