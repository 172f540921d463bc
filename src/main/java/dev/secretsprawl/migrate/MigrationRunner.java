package dev.secretsprawl.migrate;

import dev.secretsprawl.migrate.ledger.Ledger;
import dev.secretsprawl.migrate.ledger.LedgerRecord;
import dev.secretsprawl.migrate.ledger.Step;
import dev.secretsprawl.migrate.plan.MigrationPlan;
import dev.secretsprawl.migrate.plan.MigrationPlan.Consumer;
import dev.secretsprawl.migrate.plan.MigrationPlan.PlannedCredential;
import dev.secretsprawl.migrate.rewrite.Rewrite;
import dev.secretsprawl.migrate.rewrite.Rewriter;
import dev.secretsprawl.migrate.rewrite.Rewriters;
import dev.secretsprawl.migrate.rewrite.Spot;
import dev.secretsprawl.migrate.rotate.AdminAccess;
import dev.secretsprawl.migrate.rotate.IssuerActions;
import dev.secretsprawl.migrate.rotate.Revoker;
import dev.secretsprawl.migrate.rotate.Rotator;
import dev.secretsprawl.migrate.store.SecretStore;
import dev.secretsprawl.migrate.store.StoreMetadata;
import dev.secretsprawl.migrate.store.StoredValue;
import dev.secretsprawl.migrate.plan.CredentialNames;
import dev.secretsprawl.scan.Finding;
import dev.secretsprawl.scan.Secret;
import dev.secretsprawl.scan.SecretHasher;
import dev.secretsprawl.verify.Credential;
import dev.secretsprawl.verify.Verification;
import dev.secretsprawl.verify.VerifyContext;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Carries out a plan, credential by credential, through the steps of DESIGN.md §5: store, validate,
 * rewrite, rotate, revoke, verify, close. Each step is journaled after it happened; before it acts, a step
 * looks at what the store and files hold, so a step that happened but was not journaled (a crash in between)
 * is recognised and not done twice. A rotation stores the new value before the issuer accepts it, so no
 * crash can leave a credential that works nowhere but at the issuer.
 */
public final class MigrationRunner {
    /** How to run: whether to rotate, with which admin connections, and when a re-issue is due. */
    public record Options(boolean rotate, AdminAccess admin) {
    }

    /** Asks the verifiers; a fresh answer each call (the gate and apply must not see an answer cached before a change). */
    @FunctionalInterface
    public interface Verifying {
        Verification verify(Credential credential, String secretHash) throws InterruptedException;
    }

    /** Where a credential stands after this run, and why it is not closed. */
    public record Outcome(String credential, Step stage, String detail) {
        public boolean closed() {
            return stage == Step.CLOSED;
        }
    }

    /** A step that cannot go on; its message is journaled and shown, so it never holds a value. */
    static final class StepFailure extends Exception {
        final Step step;

        StepFailure(Step step, String message) {
            super(message);
            this.step = step;
        }
    }

    private final MigrationPlan plan;
    private final SecretStore store;
    private final Ledger ledger;
    private final IssuerActions actions;
    private final Verifying verifying;
    private final VerifyContext context;
    private final SecretHasher hasher;
    private final TextFiles files;
    private final LegacyValues legacy;
    private final java.util.function.Consumer<String> progress;
    private java.util.function.Function<String, Optional<Rewriter>> rewriters = Rewriters::forPath;
    /** The values this credential's run holds: no text it journals or shows may quote them. */
    private final List<Secret> known = new ArrayList<>();

    public MigrationRunner(MigrationPlan plan, SecretStore store, Ledger ledger, IssuerActions actions,
                           Verifying verifying, VerifyContext context, dev.secretsprawl.scan.Detector detector,
                           SecretHasher hasher, TextFiles files, java.util.function.Consumer<String> progress) {
        this.plan = plan;
        this.store = store;
        this.ledger = ledger;
        this.actions = actions;
        this.verifying = verifying;
        this.context = context;
        this.hasher = hasher;
        this.files = files;
        this.legacy = new LegacyValues(plan, detector, files, path -> rewriters.apply(path));
        this.progress = progress;
    }

    /** Rewrites with these rewriters instead of the standard list (tests). */
    public MigrationRunner withRewriters(java.util.function.Function<String, Optional<Rewriter>> lookup) {
        this.rewriters = lookup;
        return this;
    }

    public List<Outcome> apply(Options options) throws IOException, InterruptedException {
        List<Outcome> outcomes = new ArrayList<>();
        for (PlannedCredential pc : plan.credentials()) {
            outcomes.add(applyOne(pc, options));
        }
        return outcomes;
    }

    private Outcome applyOne(PlannedCredential pc, Options options) throws IOException, InterruptedException {
        known.clear();
        CredentialHistory h = history(pc);
        if (h.done(Step.CLOSED)) {
            progress.accept(pc.name() + ": closed already");
            return new Outcome(pc.name(), Step.CLOSED, "");
        }
        try {
            if (!h.done(Step.PLANNED)) {
                record(pc, Step.PLANNED, planned(pc));
                CrashPoint.reached("after-ledger:planned");
            }
            Secret value = legacyValue(pc);
            known.add(value);
            int legacyVersion = store(pc, value);
            validate(pc, legacyVersion);
            if (!h.done(Step.REWRITTEN) && !options.rotate() && !store.readable() && !legacy.inCommit(pc)) {
                throw new StepFailure(Step.REWRITTEN, "not rewritten: the legacy value would then be only in "
                        + store.locate(pc.storeKey()) + ", which cannot be read back, and no later apply or gate could "
                        + "prove it dead; commit the files first, migrate to a store that reads back, or apply with --rotate");
            }
            rewrite(pc);
            List<Credential> legacyCredentials = legacy.credentials(pc, value);
            if (legacyCredentials.isEmpty()) {
                throw new StepFailure(Step.VERIFIED, "no consumer file shows where the credential logs in any more");
            }
            Optional<Next> next = replacement(pc, options, legacyCredentials, legacyVersion);
            next.flatMap(Next::value).ifPresent(known::add);
            if (next.isEmpty()) {
                return reissue(pc, legacyCredentials);
            }
            revoke(pc, options, legacyCredentials);
            verify(pc, legacyCredentials, next.get());
            CrashPoint.reached("before-ledger:closed");
            record(pc, Step.CLOSED, Map.of());
            return new Outcome(pc.name(), Step.CLOSED, "");
        } catch (StepFailure f) {
            record(pc, Step.FAILED, Map.of("step", f.step.label(), "reason", f.getMessage()));
            return new Outcome(pc.name(), Step.FAILED, scrub(f.step.label() + ": " + f.getMessage()));
        } catch (IOException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            record(pc, Step.FAILED, Map.of("step", "apply", "reason", reason));
            return new Outcome(pc.name(), Step.FAILED, scrub(reason));
        } catch (RuntimeException e) {
            // a store, rotator or verifier bug must not stop the other credentials, nor leave this one unjournaled
            String reason = "unexpected " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            record(pc, Step.FAILED, Map.of("step", "apply", "reason", reason));
            return new Outcome(pc.name(), Step.FAILED, scrub(reason));
        }
    }

    private Map<String, Object> planned(PlannedCredential pc) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("secretHash", pc.secretHash());
        data.put("issuer", pc.issuer() == null ? "" : pc.issuer());
        data.put("ruleId", pc.ruleId());
        data.put("destination", plan.destination());
        data.put("storeKey", pc.storeKey());
        data.put("commit", plan.commit() == null ? "" : plan.commit());
        data.put("owner", plan.owner() == null ? "" : plan.owner());
        data.put("rotation", pc.rotation().mode());
        data.put("revocation", pc.revocation().mode());
        List<Map<String, Object>> consumers = new ArrayList<>();
        for (Consumer c : pc.consumers()) {
            consumers.add(Map.of("path", c.path(), "line", c.line(), "ruleId", c.ruleId(), "fingerprint", c.fingerprint(),
                    "reference", c.reference(), "fileType", c.fileType()));
        }
        data.put("consumers", consumers);
        return data;
    }

    private Secret legacyValue(PlannedCredential pc) throws IOException, InterruptedException, StepFailure {
        Optional<LedgerRecord> stored = history(pc).last(Step.STORED);
        if (stored.isPresent() && store.readable()) {
            Optional<Secret> v = store.version(pc.storeKey(), stored.get().number("version"));
            if (v.isPresent() && hasher.hash(v.get()).equals(pc.secretHash())) {
                return v.get();
            }
        }
        return legacy.fromFiles(pc).orElseThrow(() -> new StepFailure(Step.STORED,
                "the legacy value is in none of its files (nor in the plan's commit) and not in the store: "
                        + "make a new plan with sprawl migrate plan"));
    }

    /** Writes the legacy value as the store's first version, or recognises it there from a run that crashed. */
    private int store(PlannedCredential pc, Secret value) throws IOException, InterruptedException, StepFailure {
        Optional<LedgerRecord> done = history(pc).last(Step.STORED);
        if (done.isPresent()) {
            return done.get().number("version");
        }
        Optional<StoredValue> current = store.current(pc.storeKey());
        int version;
        if (current.isPresent() && current.get().value().map(this::hash).filter(pc.secretHash()::equals).isPresent()) {
            version = current.get().version();
        } else if (current.isPresent() && store.readable()) {
            throw new StepFailure(Step.STORED, store.locate(pc.storeKey()) + " already holds another value; "
                    + "migrate to another prefix or remove that key first");
        } else {
            version = store.write(pc.storeKey(), value, metadata(pc), current.map(StoredValue::version).orElse(0));
        }
        CrashPoint.reached("before-ledger:stored");
        record(pc, Step.STORED, Map.of("version", version, "location", store.locate(pc.storeKey())));
        CrashPoint.reached("after-ledger:stored");
        return version;
    }

    private void validate(PlannedCredential pc, int version) throws IOException, InterruptedException, StepFailure {
        if (history(pc).done(Step.VALIDATED)) {
            return;
        }
        Optional<StoredValue> back = store.current(pc.storeKey());
        if (back.isEmpty()) {
            throw new StepFailure(Step.VALIDATED, "the store does not show " + pc.storeKey() + " after writing it");
        }
        String how;
        if (store.readable()) {
            Optional<Secret> v = store.version(pc.storeKey(), version);
            if (v.isEmpty() || !hash(v.get()).equals(pc.secretHash())) {
                throw new StepFailure(Step.VALIDATED, "version " + version + " of " + pc.storeKey()
                        + " read back from the store does not hold the legacy value");
            }
            how = "read back, keyed hash matches";
        } else {
            how = "present; this store's values cannot be read back";
        }
        CrashPoint.reached("before-ledger:validated");
        record(pc, Step.VALIDATED, Map.of("version", version, "check", how));
        CrashPoint.reached("after-ledger:validated");
    }

    /** Replaces the value in every consumer a rewriter handles; a rewritten file must rescan clean of it. */
    private void rewrite(PlannedCredential pc) throws IOException, StepFailure {
        if (history(pc).done(Step.REWRITTEN)) {
            return;
        }
        int replaced = 0;
        LinkedHashSet<String> changed = new LinkedHashSet<>();
        LinkedHashSet<String> manual = new LinkedHashSet<>();
        for (String path : pc.consumers().stream().map(Consumer::path).distinct().toList()) {
            Optional<Rewriter> rewriter = rewriters.apply(path);
            Optional<String> text = files.read(path, null);
            if (text.isEmpty()) {
                continue;
            }
            List<Finding> found = legacy.occurrences(pc, path, text.get());
            if (found.isEmpty()) {
                // rewritten by a run that crashed before journaling it: still one of this step's files
                rewriter.filter(r -> text.get().contains(r.reference(pc.name()))).ifPresent(r -> changed.add(path));
                continue;
            }
            if (rewriter.isEmpty()) {
                manual.add(path);
                continue;
            }
            Rewrite r = rewriter.get().rewrite(text.get(), spots(pc, text.get(), found));
            if (r.replaced() > 0) {
                files.write(path, r.text());
                replaced += r.replaced();
                changed.add(path);
                CrashPoint.reached("after-file:rewritten");
            }
            if (!legacy.occurrences(pc, path, r.text()).isEmpty()) {
                throw new StepFailure(Step.REWRITTEN, path + " still holds the value after rewriting"
                        + (r.skipped().isEmpty() ? "" : " (" + String.join("; ", r.skipped()) + ")")
                        + "; replace it by hand with " + rewriter.get().reference(pc.name()));
            }
        }
        CrashPoint.reached("before-ledger:rewritten");
        record(pc, Step.REWRITTEN, Map.of("replaced", replaced, "files", List.copyOf(changed), "manual", List.copyOf(manual)));
        CrashPoint.reached("after-ledger:rewritten");
    }

    private static List<Spot> spots(PlannedCredential pc, String text, List<Finding> found) {
        String[] lines = text.split("\n", -1);
        List<Spot> spots = new ArrayList<>();
        for (Finding f : found) {
            int i = f.location().startLine() - 1;
            String variable = i < lines.length
                    ? CredentialNames.variableBefore(lines[i], f.location().startColumn()).orElse("") : "";
            spots.add(new Spot(f.location().startLine(), f.location().startColumn(), f.location().endLine(),
                    f.location().endColumn(), f.secret(), pc.name(), variable));
        }
        return spots;
    }

    /**
     * The value that replaces the legacy one: rotated by us (--rotate with a rotator that can), or re-issued by
     * its owner (a newer version in the store than the legacy one). Empty while neither happened.
     */
    /** The replacing value; empty when it cannot be read back (a write-only store, after a crash). */
    private record Next(Optional<Secret> value) {
    }

    private Optional<Next> replacement(PlannedCredential pc, Options options, List<Credential> legacyCredentials,
                                         int legacyVersion) throws IOException, InterruptedException, StepFailure {
        CredentialHistory h = history(pc);
        Optional<LedgerRecord> rotated = h.last(Step.ROTATED);
        if (rotated.isPresent()) {
            return Optional.of(new Next(readVersion(pc, rotated.get().number("version"))));
        }
        Optional<StoredValue> current = store.current(pc.storeKey());
        // a version above the legacy one and above any we wrote is the owner's re-issue (unreadable in a write-only store)
        if (current.isPresent() && current.get().version() > Math.max(legacyVersion, lastOwnVersion(h))
                && current.get().value().map(v -> !hash(v).equals(pc.secretHash())).orElse(!store.readable())) {
            record(pc, Step.ROTATED, Map.of("version", current.get().version(), "by", "owner"));
            return Optional.of(new Next(current.get().value()));
        }
        if (!options.rotate()) {
            return Optional.empty();
        }
        List<String> byHand = stillByHand(pc);
        if (!h.done(Step.ROTATION_STAGED) && !byHand.isEmpty()) {
            throw new StepFailure(Step.ROTATED, "not rotated: " + String.join(", ", byHand) + " still use the legacy value"
                    + " and would break; replace it there by hand with the store's " + pc.name() + ", then run apply again");
        }
        Optional<Rotator> rotator = legacyCredentials.stream().map(actions::rotator).flatMap(Optional::stream).findFirst();
        if (rotator.isEmpty()) {
            return Optional.empty();
        }
        Optional<Credential> able = legacyCredentials.stream()
                .filter(c -> rotator.get().cannotRotate(c, options.admin()).isEmpty()).findFirst();
        if (able.isEmpty()) {
            String why = rotator.get().cannotRotate(legacyCredentials.get(0), options.admin()).orElse("");
            throw new StepFailure(Step.ROTATED, "cannot rotate here: " + why);
        }
        return Optional.of(new Next(rotate(pc, rotator.get(), able.get(), options.admin(), h)));
    }

    /** The places no rewriter handles that still hold the legacy value. */
    private List<String> stillByHand(PlannedCredential pc) throws IOException {
        List<String> out = new ArrayList<>();
        Object manual = history(pc).last(Step.REWRITTEN).map(r -> r.data().get("manual")).orElse(List.of());
        for (Object path : manual instanceof List<?> l ? l : List.of()) {
            Optional<String> text = files.read(path.toString(), null);
            if (text.isPresent() && !legacy.occurrences(pc, path.toString(), text.get()).isEmpty()) {
                out.add(path.toString());
            }
        }
        return out;
    }

    /**
     * Stages, then rotates. The staging record is written <em>before</em> the proposed value goes to the store, so
     * a newer store version is known to be ours (not an owner's re-issue) whatever moment a crash hit.
     */
    private Optional<Secret> rotate(PlannedCredential pc, Rotator rotator, Credential legacyCredential, AdminAccess admin,
                                    CredentialHistory h) throws IOException, InterruptedException, StepFailure {
        Optional<LedgerRecord> staged = h.last(Step.ROTATION_STAGED);
        Optional<Secret> proposed = Optional.empty();
        int version = 0;
        Optional<StoredValue> issued = staged.isPresent() ? issuedAndStored(pc, staged.get()) : Optional.empty();
        if (issued.isPresent()) {
            record(pc, Step.ROTATED, Map.of("version", issued.get().version(), "by", "sprawl"));
            return issued.get().value();
        }
        if (staged.isPresent() && staged.get().number("version") > 0
                && storeVersion(pc) <= staged.get().number("version")) {
            // our proposal is still the newest version (or not written yet); a later version means it was withdrawn
            version = staged.get().number("version");
            proposed = readVersion(pc, version).filter(v -> !hash(v).equals(pc.secretHash()));
        } else if (staged.isPresent() && staged.get().number("version") == 0 && issuerWasAsked(pc, legacyCredential)) {
            throw new StepFailure(Step.ROTATED, "a crash hit while the issuer was rotating: the legacy value is dead and "
                    + "the new one was never stored; issue a new credential, write it to " + store.locate(pc.storeKey()));
        }
        if (proposed.isEmpty()) {
            proposed = rotator.propose(legacyCredential);
            proposed.ifPresent(known::add);
            Optional<StoredValue> current = store.current(pc.storeKey());
            int currentVersion = current.map(StoredValue::version).orElse(0);
            if (proposed.isPresent()) {
                version = staged.isPresent() && version == currentVersion + 1 ? version : currentVersion + 1;
                if (staged.isEmpty() || staged.get().number("version") != version) {
                    record(pc, Step.ROTATION_STAGED, Map.of("version", version));
                }
                CrashPoint.reached("before-store:rotation-staged");
                version = store.write(pc.storeKey(), proposed.get(), metadata(pc), currentVersion);
                CrashPoint.reached("after-store:rotation-staged");
            } else if (staged.isEmpty()) {
                record(pc, Step.ROTATION_STAGED, Map.of("version", 0, "issuer", "issues the new value",
                        "storeVersion", currentVersion));
            }
        }
        proposed.ifPresent(known::add);
        Secret next;
        try {
            next = rotator.rotate(legacyCredential, proposed, admin, context);
        } catch (IOException refused) {
            throw new StepFailure(Step.ROTATED, (refused.getMessage() == null ? refused.getClass().getSimpleName()
                    : refused.getMessage()) + withdrawn(pc, legacyCredential, proposed));
        }
        if (proposed.isEmpty()) {
            Optional<StoredValue> current = store.current(pc.storeKey());
            version = store.write(pc.storeKey(), next, metadata(pc), current.map(StoredValue::version).orElse(0));
        }
        CrashPoint.reached("before-ledger:rotated");
        record(pc, Step.ROTATED, Map.of("version", version, "by", "sprawl"));
        CrashPoint.reached("after-ledger:rotated");
        return Optional.of(next);
    }

    /** The newest store version a rotation of ours wrote or will write (0 when none was staged). */
    private static int lastOwnVersion(CredentialHistory h) {
        int last = 0;
        for (LedgerRecord r : h.records()) {
            if (r.step() == Step.ROTATION_STAGED) {
                int v = r.number("version") > 0 ? r.number("version")
                        : r.data().containsKey("storeVersion") ? r.number("storeVersion") + 1 : 0;
                last = Math.max(last, v);
            }
        }
        return last;
    }

    /**
     * The value an issuer issued (staged with version 0) that reached the store before a crash took its ROTATED
     * record: it sits exactly one version above the store's version at staging time.
     */
    private Optional<StoredValue> issuedAndStored(PlannedCredential pc, LedgerRecord staged)
            throws IOException, InterruptedException {
        if (staged.number("version") != 0 || !staged.data().containsKey("storeVersion")) {
            return Optional.empty();
        }
        return store.current(pc.storeKey())
                .filter(c -> c.version() == staged.number("storeVersion") + 1)
                .filter(c -> c.value().map(v -> !hash(v).equals(pc.secretHash())).orElse(true));
    }

    /**
     * The issuer refused the proposal we already stored: the rewritten code reads the store, so while the legacy
     * value still works it becomes the current version again rather than leave a value that works nowhere.
     */
    private String withdrawn(PlannedCredential pc, Credential legacyCredential, Optional<Secret> proposed)
            throws IOException, InterruptedException {
        if (proposed.isEmpty()) {
            return "";
        }
        if (verifying.verify(legacyCredential, pc.secretHash()).status() != Verification.Status.LIVE) {
            return "; the proposed value stays the store's current version: check which value the issuer holds";
        }
        int restored = store.write(pc.storeKey(), legacyCredential.secret(), metadata(pc), storeVersion(pc));
        record(pc, Step.ROTATION_STAGED, Map.of("version", restored, "withdrawn", "the legacy value is current again"));
        return "; the store serves the legacy value again";
    }

    private int storeVersion(PlannedCredential pc) throws IOException, InterruptedException {
        return store.current(pc.storeKey()).map(StoredValue::version).orElse(0);
    }

    /** After a crash during an issuer-side rotation: a dead legacy value means the issuer did rotate. */
    private boolean issuerWasAsked(PlannedCredential pc, Credential legacyCredential) throws InterruptedException {
        return verifying.verify(legacyCredential, pc.secretHash()).status() == Verification.Status.DEAD;
    }

    private Optional<Secret> readVersion(PlannedCredential pc, int version) throws IOException, InterruptedException {
        return store.readable() ? store.version(pc.storeKey(), version) : Optional.empty();
    }

    private void revoke(PlannedCredential pc, Options options, List<Credential> legacyCredentials)
            throws IOException, InterruptedException, StepFailure {
        if (history(pc).done(Step.REVOKED)) {
            return;
        }
        Optional<Rotator> rotator = legacyCredentials.stream().map(actions::rotator).flatMap(Optional::stream).findFirst();
        boolean rotatedBySprawl = history(pc).last(Step.ROTATED).map(r -> "sprawl".equals(r.text("by"))).orElse(false);
        String how;
        if (rotatedBySprawl && rotator.filter(Rotator::rotationRevokesLegacy).isPresent()) {
            how = "by-rotation";
        } else {
            Optional<Revoker> revoker = legacyCredentials.stream().map(actions::revoker).flatMap(Optional::stream).findFirst();
            if (revoker.isEmpty() || revoker.get().cannotRevoke(legacyCredentials.get(0), options.admin()).isPresent()) {
                how = "by-owner";
            } else {
                revoker.get().revoke(legacyCredentials.get(0), options.admin(), context);
                how = "api";
            }
        }
        CrashPoint.reached("before-ledger:revoked");
        record(pc, Step.REVOKED, Map.of("how", how));
        CrashPoint.reached("after-ledger:revoked");
    }

    /** The legacy value must be dead at every place it logged in, and the new one live. */
    private void verify(PlannedCredential pc, List<Credential> legacyCredentials, Next next)
            throws InterruptedException, IOException, StepFailure {
        if (history(pc).done(Step.VERIFIED)) {
            return;
        }
        Verification old = LegacyVerdict.judge(legacyCredentials, pc.secretHash(), verifying);
        if (old.status() == Verification.Status.LIVE) {
            throw new StepFailure(Step.VERIFIED, "the legacy value still authenticates (" + old.detail()
                    + "); revoke it at its issuer, then run apply again");
        }
        if (old.status() == Verification.Status.UNKNOWN) {
            throw new StepFailure(Step.VERIFIED, "the legacy value could not be proven dead: " + old.detail());
        }
        Verification fresh = next.value().isEmpty()
                ? Verification.unknown("the new value is in a write-only store and was not read back")
                : LegacyVerdict.judge(legacyCredentials.stream().map(c -> legacy.withValue(pc, c, next.value().get())).toList(),
                hash(next.value().get()), verifying);
        if (fresh.status() == Verification.Status.DEAD) {
            throw new StepFailure(Step.VERIFIED, "the new value is refused by its issuer (" + fresh.detail()
                    + "); check the store and the issuer before anything else");
        }
        CrashPoint.reached("before-ledger:verified");
        record(pc, Step.VERIFIED, Map.of("legacy", old.status().label(), "legacyDetail", old.detail(),
                "new", fresh.status().label(), "newDetail", fresh.detail()));
        CrashPoint.reached("after-ledger:verified");
    }

    private Outcome reissue(PlannedCredential pc, List<Credential> legacyCredentials) throws IOException, InterruptedException {
        Verification now = LegacyVerdict.judge(legacyCredentials, pc.secretHash(), verifying);
        Optional<LedgerRecord> task = history(pc).last(Step.REISSUE_TASK);
        String owner = pc.reissue() != null ? pc.reissue().owner() : plan.owner() == null || plan.owner().isEmpty() ? "unassigned" : plan.owner();
        String deadline = pc.reissue() != null ? pc.reissue().deadline() : "";
        String reason = pc.reissue() != null ? pc.reissue().reason() : "not rotated: run apply with --rotate and --admin";
        if (task.isEmpty() || !task.get().text("legacy").equals(now.status().label())) {
            record(pc, Step.REISSUE_TASK, Map.of("owner", owner, "deadline", deadline, "reason", reason,
                    "legacy", now.status().label(), "legacyDetail", now.detail()));
        }
        List<String> byHand = stillByHand(pc);
        return new Outcome(pc.name(), Step.REISSUE_TASK, scrub("legacy " + now.status().label() + "; re-issue by " + owner
                + (deadline.isEmpty() ? "" : " before " + deadline)
                + (byHand.isEmpty() ? "" : "; change by hand: " + String.join(", ", byHand))));
    }

    private StoreMetadata metadata(PlannedCredential pc) {
        Consumer first = pc.consumers().get(0);
        return new StoreMetadata(first.path() + ":" + first.line(), pc.secretHash(),
                plan.owner() == null ? "" : plan.owner(), plan.migrationId(), Instant.now());
    }

    private String hash(Secret s) {
        return hasher.hash(s);
    }

    private CredentialHistory history(PlannedCredential pc) {
        return CredentialHistory.of(ledger, plan.migrationId(), pc.name());
    }

    private void record(PlannedCredential pc, Step step, Map<String, Object> data) throws IOException {
        Map<String, Object> clean = new LinkedHashMap<>();
        data.forEach((k, v) -> clean.put(k, v instanceof String text ? scrub(text) : v));
        ledger.append(plan.migrationId(), pc.name(), step, clean);
        progress.accept(pc.name() + ": " + step.label() + describe(clean));
    }

    /** TEXT without any value this run holds: verifiers, stores and rotators may quote what they were given. */
    private String scrub(String text) {
        String out = text;
        for (Secret s : known) {
            if (!s.reveal().isEmpty()) {
                out = out.replace(s.reveal(), "[value withheld]");
            }
        }
        return out;
    }

    private static String describe(Map<String, Object> data) {
        Object v = data.get("version");
        Object reason = data.get("reason");
        return v != null ? " (version " + v + ")" : reason != null ? " (" + reason + ")" : "";
    }
}
