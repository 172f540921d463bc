package dev.secretsprawl.migrate;

import dev.secretsprawl.migrate.MigrationRunner.Outcome;
import dev.secretsprawl.migrate.ledger.Ledger;
import dev.secretsprawl.migrate.ledger.LedgerRecord;
import dev.secretsprawl.migrate.ledger.Step;
import dev.secretsprawl.migrate.plan.MigrationPlan;
import dev.secretsprawl.migrate.plan.PlanBuilder;
import dev.secretsprawl.migrate.plan.PlanJson;
import dev.secretsprawl.migrate.rewrite.Rewrite;
import dev.secretsprawl.migrate.rewrite.Rewriter;
import dev.secretsprawl.migrate.rewrite.Spot;
import dev.secretsprawl.migrate.rotate.AdminAccess;
import dev.secretsprawl.migrate.rotate.IssuerActions;
import dev.secretsprawl.migrate.store.Destination;
import dev.secretsprawl.migrate.store.SecretStore;
import dev.secretsprawl.migrate.store.StoreMetadata;
import dev.secretsprawl.migrate.store.StoredValue;
import dev.secretsprawl.migrate.store.Stores;
import dev.secretsprawl.rules.RuleLoader;
import dev.secretsprawl.scan.Detector;
import dev.secretsprawl.scan.Finding;
import dev.secretsprawl.scan.Fragment;
import dev.secretsprawl.scan.Secret;
import dev.secretsprawl.scan.SecretHasher;
import dev.secretsprawl.verify.Endpoints;
import dev.secretsprawl.verify.VerifyContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The runner's steps and its recovery, in-process, with the local store and an issuer that holds one password. */
class MigrationRunnerTest {
    private static final SecretHasher HASHER = new SecretHasher("test-key");
    private static final Detector DETECTOR = new Detector(RuleLoader.bundled(), HASHER);

    @TempDir
    Path dir;

    private String legacy;
    private FakeIssuer issuer;
    private final Map<String, String> tree = new LinkedHashMap<>();
    private final Map<String, String> committed = new LinkedHashMap<>();
    private final List<String> progress = new ArrayList<>();

    /** Replaces each value with ${NAME}: enough to see rewriting happen once. */
    private static final Rewriter PLACEHOLDERS = new Rewriter() {
        public String fileType() {
            return "test";
        }

        public boolean handles(String path) {
            return true;
        }

        public String reference(String name) {
            return "${" + name + "}";
        }

        public Rewrite rewrite(String text, List<Spot> spots) {
            String out = text;
            int n = 0;
            for (Spot s : spots) {
                if (out.contains(s.value().reveal())) {
                    out = out.replace(s.value().reveal(), reference(s.name()));
                    n++;
                }
            }
            return new Rewrite(out, n, List.of());
        }
    };

    @BeforeEach
    void tree() {
        legacy = FakeIssuer.password();
        issuer = new FakeIssuer(legacy);
        tree.put(".env", "DB_HOST=db.internal\nDB_USER=app\nDB_PASSWORD=" + legacy + "\n");
        tree.put("deploy.sh", "#!/bin/sh\nexport DB_PASSWORD=" + legacy + "\n./migrate\n");
    }

    private MigrationPlan plan() {
        return plan(null);
    }

    /** With COMMIT, the tree as it is now is what the files read at that commit. */
    private MigrationPlan plan(String commit) {
        if (commit != null) {
            committed.putAll(tree);
        }
        List<Finding> findings = new ArrayList<>();
        tree.forEach((p, t) -> findings.addAll(DETECTOR.detect(Fragment.of(t, p))));
        return new PlanBuilder(new IssuerActions(List.of(issuer), List.of()), p -> Optional.ofNullable(tree.get(p)), k -> "key " + k)
                .build(findings, new PlanBuilder.Settings("m-test", "2026-11-30T00:00:00Z", ".", commit,
                        "file://" + dir.resolve("store.json"), "team-db", LocalDate.parse("2026-12-14")));
    }

    private SecretStore store() throws IOException {
        return Stores.open(Destination.parse("file://" + dir.resolve("store.json")), Map.of("SPRAWL_HOME", dir.toString()));
    }

    private TextFiles files() {
        return new TextFiles() {
            public Optional<String> read(String path, String commit) {
                return Optional.ofNullable(commit == null ? tree.get(path) : committed.get(path));
            }

            public void write(String path, String text) {
                tree.put(path, text);
            }
        };
    }

    private List<Outcome> apply(MigrationPlan plan, SecretStore store, boolean rotate) throws Exception {
        MigrationRunner runner = new MigrationRunner(plan, store, Ledger.open(dir.resolve("ledger.jsonl")),
                new IssuerActions(List.of(issuer), List.of()), issuer, new VerifyContext(Endpoints.defaults(), Duration.ofSeconds(2)),
                DETECTOR, HASHER, files(), progress::add).withRewriters(p -> Optional.of(PLACEHOLDERS));
        List<Outcome> o = runner.apply(new MigrationRunner.Options(rotate, rotate
                ? new AdminAccess(Map.of("fake", URI.create("fake://admin@db.internal")), Map.of()) : AdminAccess.none()));
        return o;
    }

    private List<Step> steps() throws IOException {
        return Ledger.open(dir.resolve("ledger.jsonl")).records().stream().map(LedgerRecord::step).toList();
    }

    @Test
    void shouldPlanOneCredentialForOneValueInTwoFilesWithoutItsValue() {
        MigrationPlan plan = plan();

        assertThat(plan.credentials()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("DB_PASSWORD");
            assertThat(c.consumers()).extracting(MigrationPlan.Consumer::path).containsExactly(".env", "deploy.sh");
            assertThat(c.rotation().mode()).isEqualTo("automatic");
            assertThat(c.rotation().detail()).contains("needs --admin fake=URI");
        });
        assertThat(PlanJson.write(plan)).doesNotContain(legacy);
    }

    @Test
    void shouldCloseARotatedCredentialWithTheLegacyValueProvenDead() throws Exception {
        try (SecretStore store = store()) {
            List<Outcome> outcomes = apply(plan(), store, true);

            assertThat(outcomes).singleElement().satisfies(o -> assertThat(o.stage()).isEqualTo(Step.CLOSED));
            assertThat(steps()).containsExactly(Step.PLANNED, Step.STORED, Step.VALIDATED, Step.REWRITTEN,
                    Step.ROTATION_STAGED, Step.ROTATED, Step.REVOKED, Step.VERIFIED, Step.CLOSED);
            StoredValue current = store.current("DB_PASSWORD").orElseThrow();
            assertThat(current.version()).isEqualTo(2);
            assertThat(issuer.accepts(current.value().orElseThrow().reveal())).isTrue();
            assertThat(issuer.accepts(legacy)).isFalse();
            assertThat(store.version("DB_PASSWORD", 1)).contains(new Secret(legacy));
            assertThat(tree.values()).noneMatch(t -> t.contains(legacy)).allMatch(t -> t.contains("${DB_PASSWORD}"));
        }
        assertThat(Files.readString(dir.resolve("ledger.jsonl"))).doesNotContain(legacy);
        assertThat(progress).noneMatch(line -> line.contains(legacy));
    }

    @Test
    void shouldChangeNothingWhenAppliedTwice() throws Exception {
        try (SecretStore store = store()) {
            MigrationPlan plan = plan();
            apply(plan, store, true);
            String ledgerBefore = Files.readString(dir.resolve("ledger.jsonl"));
            Map<String, String> treeBefore = new LinkedHashMap<>(tree);

            List<Outcome> again = apply(plan, store, true);

            assertThat(again).singleElement().satisfies(o -> assertThat(o.closed()).isTrue());
            assertThat(Files.readString(dir.resolve("ledger.jsonl"))).isEqualTo(ledgerBefore);
            assertThat(store.current("DB_PASSWORD").orElseThrow().version()).isEqualTo(2);
            assertThat(tree).isEqualTo(treeBefore);
            assertThat(issuer.rotations).hasValue(1);
        }
    }

    @Test
    void shouldLeaveTheLegacyValueLiveWithAReissueTaskWithoutRotate() throws Exception {
        try (SecretStore store = store()) {
            List<Outcome> outcomes = apply(plan(), store, false);

            assertThat(outcomes).singleElement().satisfies(o -> {
                assertThat(o.stage()).isEqualTo(Step.REISSUE_TASK);
                assertThat(o.detail()).contains("legacy live").contains("team-db").contains("2026-12-14");
            });
            assertThat(issuer.accepts(legacy)).isTrue();
            assertThat(store.current("DB_PASSWORD").orElseThrow().version()).isEqualTo(1);
            assertThat(tree.values()).noneMatch(t -> t.contains(legacy));
        }
    }

    @Test
    void shouldRotateLaterWhenRunAgainWithRotate() throws Exception {
        try (SecretStore store = store()) {
            MigrationPlan plan = plan();
            apply(plan, store, false);

            List<Outcome> outcomes = apply(plan, store, true);

            assertThat(outcomes).singleElement().satisfies(o -> assertThat(o.closed()).isTrue());
            assertThat(issuer.accepts(legacy)).isFalse();
        }
    }

    @Test
    void shouldFailTheRotationStepWithoutAdminAccessAndSayWhatIsNeeded() throws Exception {
        try (SecretStore store = store()) {
            MigrationRunner runner = new MigrationRunner(plan(), store, Ledger.open(dir.resolve("ledger.jsonl")),
                    new IssuerActions(List.of(issuer), List.of()), issuer, new VerifyContext(Endpoints.defaults(), Duration.ofSeconds(2)),
                    DETECTOR, HASHER, files(), progress::add).withRewriters(p -> Optional.of(PLACEHOLDERS));

            List<Outcome> outcomes = runner.apply(new MigrationRunner.Options(true, AdminAccess.none()));

            assertThat(outcomes).singleElement().satisfies(o -> {
                assertThat(o.stage()).isEqualTo(Step.FAILED);
                assertThat(o.detail()).contains("needs --admin fake=URI");
            });
        }
    }

    /**
     * A crash right after a store write, before its ledger record: the next run must recognise the write and not
     * make another version (the store would otherwise hold the legacy value twice, or a rotation be lost).
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void shouldRecogniseAStoreWriteThatWasNotJournaledBeforeACrash(int crashAtWrite) throws Exception {
        MigrationPlan plan = plan();
        try (SecretStore store = store()) {
            SecretStore crashing = new CrashingStore(store, crashAtWrite);
            try {
                apply(plan, crashing, true);
            } catch (CrashingStore.Crash expected) {
                // the process died here
            }
            assertThat(store.current("DB_PASSWORD").orElseThrow().version()).isEqualTo(crashAtWrite);

            List<Outcome> outcomes = apply(plan, store, true);

            assertThat(outcomes).singleElement().satisfies(o -> assertThat(o.closed()).isTrue());
            assertThat(store.current("DB_PASSWORD").orElseThrow().version()).isEqualTo(2);
            assertThat(steps()).filteredOn(s -> s == Step.STORED).hasSize(1);
            assertThat(steps()).filteredOn(s -> s == Step.ROTATED).hasSize(1);
            assertThat(issuer.accepts(store.current("DB_PASSWORD").orElseThrow().value().orElseThrow().reveal())).isTrue();
        }
    }

    /**
     * An issuer that issues the new value itself (GitLab's rotate API): a crash after the issued value reached the
     * store but before ROTATED was journaled must be recognised, not reported as "never stored" on every rerun.
     */
    @Test
    void shouldRecogniseAnIssuedValueStoredBeforeACrash() throws Exception {
        issuer.issues = true;
        MigrationPlan plan = plan();
        try (SecretStore store = store()) {
            try {
                apply(plan, new CrashingStore(store, 2), true);
            } catch (CrashingStore.Crash expected) {
                // the process died here
            }
            Secret issued = store.current("DB_PASSWORD").orElseThrow().value().orElseThrow();
            assertThat(issuer.accepts(issued.reveal())).isTrue();

            List<Outcome> outcomes = apply(plan, store, true);

            assertThat(outcomes).singleElement().satisfies(o -> assertThat(o.closed()).as(o.detail()).isTrue());
            assertThat(issuer.rotations).hasValue(1);
            assertThat(store.current("DB_PASSWORD").orElseThrow().value()).contains(issued);
        }
    }

    /** The same password at two servers: rotating it at the first leaves the second one open, so nothing is closed. */
    @Test
    void shouldNotCloseWhileTheLegacyValueStillWorksAtAnotherPlace() throws Exception {
        tree.put("deploy.sh", "#!/bin/sh\nexport DB_HOST=replica.internal\nexport DB_PASSWORD=" + legacy + "\n");
        MigrationRunner.Verifying secondServerKeepsIt = (credential, hash) ->
                credential.context().reveal().contains("replica.internal") && credential.secret().reveal().equals(legacy)
                        ? dev.secretsprawl.verify.Verification.live("app@replica.internal") : issuer.verify(credential, hash);
        try (SecretStore store = store()) {
            MigrationRunner runner = new MigrationRunner(plan(), store, Ledger.open(dir.resolve("ledger.jsonl")),
                    new IssuerActions(List.of(issuer), List.of()), secondServerKeepsIt,
                    new VerifyContext(Endpoints.defaults(), Duration.ofSeconds(2)), DETECTOR, HASHER, files(), progress::add)
                    .withRewriters(p -> Optional.of(PLACEHOLDERS));

            List<Outcome> outcomes = runner.apply(new MigrationRunner.Options(true,
                    new AdminAccess(Map.of("fake", URI.create("fake://admin@db.internal")), Map.of())));

            assertThat(outcomes).singleElement().satisfies(o -> {
                assertThat(o.stage()).isEqualTo(Step.FAILED);
                assertThat(o.detail()).contains("still authenticates").doesNotContain(legacy);
            });
            assertThat(steps()).doesNotContain(Step.CLOSED);
        }
    }

    /**
     * The issuer refuses the rotation (the admin may not alter the role): the rewritten code reads the store, so
     * the store must not be left serving a proposal that works nowhere; the rerun must still rotate cleanly.
     */
    @Test
    void shouldKeepTheStoreServingAWorkingValueWhenTheIssuerRefusesTheRotation() throws Exception {
        issuer.refuses = true;
        MigrationPlan plan = plan();
        try (SecretStore store = store()) {
            List<Outcome> failed = apply(plan, store, true);

            assertThat(failed).singleElement().satisfies(o -> {
                assertThat(o.stage()).isEqualTo(Step.FAILED);
                assertThat(o.detail()).contains("permission denied").doesNotContain(legacy);
            });
            assertThat(issuer.accepts(store.current("DB_PASSWORD").orElseThrow().value().orElseThrow().reveal()))
                    .as("the store's current value works at the issuer").isTrue();

            issuer.refuses = false;
            List<Outcome> again = apply(plan, store, true);

            assertThat(again).singleElement().satisfies(o -> assertThat(o.closed()).as(o.detail()).isTrue());
            assertThat(issuer.accepts(store.current("DB_PASSWORD").orElseThrow().value().orElseThrow().reveal())).isTrue();
            assertThat(issuer.accepts(legacy)).isFalse();
        }
        assertThat(Files.readString(dir.resolve("ledger.jsonl"))).doesNotContain(legacy);
    }

    /** After a refused --rotate, the owner re-issues by hand: the next apply must see it, not keep a re-issue task. */
    @Test
    void shouldRecogniseAnOwnersReissueAfterARefusedRotation() throws Exception {
        issuer.refuses = true;
        MigrationPlan plan = plan();
        try (SecretStore store = store()) {
            apply(plan, store, true);
            String reissued = FakeIssuer.password();
            store.write("DB_PASSWORD", new Secret(reissued), new StoreMetadata(".env:3", "", "team-db", "by-hand",
                    java.time.Instant.now()), store.current("DB_PASSWORD").orElseThrow().version());
            issuer.reissuedByOwner(reissued);

            List<Outcome> outcomes = apply(plan, store, false);

            assertThat(outcomes).singleElement().satisfies(o -> assertThat(o.closed()).as(o.detail()).isTrue());
            assertThat(issuer.rotations).hasValue(0);
        }
    }

    /** A write-only store (GitHub, GitLab): the owner's re-issue shows as a newer version and a dead legacy value. */
    @Test
    void shouldCloseAfterAnOwnersReissueIntoAWriteOnlyStore() throws Exception {
        MigrationPlan plan = plan("c0");
        try (SecretStore readable = store()) {
            SecretStore store = new WriteOnlyStore(readable);
            assertThat(apply(plan, store, false)).singleElement()
                    .satisfies(o -> assertThat(o.stage()).isEqualTo(Step.REISSUE_TASK));
            String reissued = FakeIssuer.password();
            store.write("DB_PASSWORD", new Secret(reissued), new StoreMetadata(".env:3", "", "team-db", "by-hand",
                    java.time.Instant.now()), 1);
            issuer.reissuedByOwner(reissued);

            List<Outcome> outcomes = apply(plan, store, false);

            assertThat(outcomes).singleElement().satisfies(o -> assertThat(o.closed()).as(o.detail()).isTrue());
        }
    }

    /**
     * A write-only store and files that are not committed (a gitignored .env): rewriting would leave the legacy
     * value nowhere readable, so no later apply --rotate, and no gate, could ever check it again.
     */
    @Test
    void shouldNotRewriteTheOnlyReadableCopyIntoAWriteOnlyStore() throws Exception {
        MigrationPlan plan = plan();
        try (SecretStore readable = store()) {
            List<Outcome> outcomes = apply(plan, new WriteOnlyStore(readable), false);

            assertThat(outcomes).singleElement().satisfies(o -> {
                assertThat(o.stage()).isEqualTo(Step.FAILED);
                assertThat(o.detail()).contains("cannot be read back").doesNotContain(legacy);
            });
            assertThat(tree.get(".env")).contains(legacy);
        }
    }

    /**
     * The legacy value also written elsewhere near its place (here as the user name, as in postgres:postgres): the
     * new value must be checked with the same user, not with every occurrence replaced.
     */
    @Test
    void shouldCheckTheNewValueWithTheSameUserWhenTheUserNameEqualsTheLegacyValue() throws Exception {
        tree.put(".env", "DB_HOST=db.internal\nDB_USER=" + legacy + "\nDB_PASSWORD=" + legacy + "\n");
        tree.remove("deploy.sh");
        String user = "DB_USER=" + legacy + "\n";
        MigrationRunner.Verifying byUser = (credential, hash) -> credential.context().reveal().contains(user)
                ? issuer.verify(credential, hash) : dev.secretsprawl.verify.Verification.dead("no such user");
        MigrationPlan plan = plan();
        assertThat(plan.credentials()).singleElement().satisfies(c -> assertThat(c.consumers()).hasSize(1));
        try (SecretStore store = store()) {
            MigrationRunner runner = new MigrationRunner(plan, store, Ledger.open(dir.resolve("ledger.jsonl")),
                    new IssuerActions(List.of(issuer), List.of()), byUser,
                    new VerifyContext(Endpoints.defaults(), Duration.ofSeconds(2)), DETECTOR, HASHER, files(), progress::add)
                    .withRewriters(p -> Optional.of(AT_SPOTS));

            List<Outcome> outcomes = runner.apply(new MigrationRunner.Options(true,
                    new AdminAccess(Map.of("fake", URI.create("fake://admin@db.internal")), Map.of())));

            assertThat(outcomes).singleElement().satisfies(o -> assertThat(o.closed()).as(o.detail()).isTrue());
        }
    }

    /** Replaces each spot where it is, as the real rewriters do (not every equal text in the file). */
    private static final Rewriter AT_SPOTS = new Rewriter() {
        public String fileType() {
            return "test";
        }

        public boolean handles(String path) {
            return true;
        }

        public String reference(String name) {
            return "${" + name + "}";
        }

        public Rewrite rewrite(String text, List<Spot> spots) {
            String[] lines = text.split("\n", -1);
            int n = 0;
            for (Spot s : spots) {
                String line = lines[s.line() - 1];
                if (line.startsWith(s.value().reveal(), s.startColumn() - 1)) {
                    lines[s.line() - 1] = line.substring(0, s.startColumn() - 1) + reference(s.name())
                            + line.substring(s.startColumn() - 1 + s.value().reveal().length());
                    n++;
                }
            }
            return new Rewrite(String.join("\n", lines), n, List.of());
        }
    };

    /** Lines added above the value after the plan was made: the host written next to it must still be found. */
    @Test
    void shouldFindTheValuesSurroundingsWhenTheFileGrewAfterThePlan() throws Exception {
        MigrationPlan plan = plan();
        tree.put(".env", "# notes\n".repeat(30) + tree.get(".env"));
        MigrationRunner.Verifying needsHost = (credential, hash) -> credential.context().reveal().contains("DB_HOST=db.internal")
                ? issuer.verify(credential, hash) : dev.secretsprawl.verify.Verification.unknown("no host next to it");
        try (SecretStore store = store()) {
            MigrationRunner runner = new MigrationRunner(plan, store, Ledger.open(dir.resolve("ledger.jsonl")),
                    new IssuerActions(List.of(issuer), List.of()), needsHost,
                    new VerifyContext(Endpoints.defaults(), Duration.ofSeconds(2)), DETECTOR, HASHER, files(), progress::add)
                    .withRewriters(p -> Optional.of(AT_SPOTS));

            List<Outcome> outcomes = runner.apply(new MigrationRunner.Options(true,
                    new AdminAccess(Map.of("fake", URI.create("fake://admin@db.internal")), Map.of())));

            assertThat(outcomes).singleElement().satisfies(o -> assertThat(o.closed()).as(o.detail()).isTrue());
        }
    }

    /** A crash between two files' rewrites: the journal (and --commit-branch, which reads it) must name both files. */
    @Test
    void shouldJournalEveryRewrittenFileAfterACrashBetweenTwoFiles() throws Exception {
        MigrationPlan plan = plan();
        TextFiles real = files();
        TextFiles crashing = new TextFiles() {
            public Optional<String> read(String path, String commit) throws IOException {
                return real.read(path, commit);
            }

            public void write(String path, String text) throws IOException {
                real.write(path, text);
                throw new CrashingStore.Crash();
            }
        };
        try (SecretStore store = store()) {
            try {
                new MigrationRunner(plan, store, Ledger.open(dir.resolve("ledger.jsonl")), new IssuerActions(List.of(issuer), List.of()),
                        issuer, new VerifyContext(Endpoints.defaults(), Duration.ofSeconds(2)), DETECTOR, HASHER, crashing, progress::add)
                        .withRewriters(p -> Optional.of(PLACEHOLDERS)).apply(new MigrationRunner.Options(false, AdminAccess.none()));
            } catch (CrashingStore.Crash expected) {
                // the process died after the first file
            }

            apply(plan, store, false);
        }
        LedgerRecord rewritten = Ledger.open(dir.resolve("ledger.jsonl")).records().stream()
                .filter(r -> r.step() == Step.REWRITTEN).findFirst().orElseThrow();
        assertThat(rewritten.data().get("files")).asList().containsExactlyInAnyOrder(".env", "deploy.sh");
    }

    /** The local store as GitHub's would look: versions show, values never come back. */
    private static final class WriteOnlyStore implements SecretStore {
        private final SecretStore delegate;

        WriteOnlyStore(SecretStore delegate) {
            this.delegate = delegate;
        }

        public String describe() {
            return delegate.describe();
        }

        public boolean readable() {
            return false;
        }

        public Optional<StoredValue> current(String key) throws IOException, InterruptedException {
            return delegate.current(key).map(v -> new StoredValue(v.version(), Optional.empty()));
        }

        public Optional<Secret> version(String key, int version) {
            return Optional.empty();
        }

        public int write(String key, Secret value, StoreMetadata metadata, int expectedVersion) throws IOException, InterruptedException {
            return delegate.write(key, value, metadata, expectedVersion);
        }

        public String locate(String key) {
            return delegate.locate(key);
        }
    }

    /**
     * A place no rewriter handles keeps the legacy value: rotating kills it there, so apply must not rotate (and
     * say which file to change by hand) until that place no longer holds it.
     */
    @Test
    void shouldNotRotateWhileAPlaceLeftForHandEditingStillHoldsTheValue() throws Exception {
        tree.put("Makefile", "deploy:\n\tDB_PASSWORD=" + legacy + " ./deploy.sh\n");
        MigrationPlan plan = plan();
        try (SecretStore store = store()) {
            MigrationRunner runner = new MigrationRunner(plan, store, Ledger.open(dir.resolve("ledger.jsonl")),
                    new IssuerActions(List.of(issuer), List.of()), issuer,
                    new VerifyContext(Endpoints.defaults(), Duration.ofSeconds(2)), DETECTOR, HASHER, files(), progress::add)
                    .withRewriters(p -> p.equals("Makefile") ? Optional.empty() : Optional.of(PLACEHOLDERS));
            MigrationRunner.Options rotate = new MigrationRunner.Options(true,
                    new AdminAccess(Map.of("fake", URI.create("fake://admin@db.internal")), Map.of()));
            assertThat(plan.credentials()).singleElement()
                    .satisfies(c -> assertThat(c.consumers()).extracting(MigrationPlan.Consumer::path).contains("Makefile"));

            List<Outcome> outcomes = runner.apply(rotate);

            assertThat(outcomes).singleElement().satisfies(o -> {
                assertThat(o.closed()).isFalse();
                assertThat(o.detail()).contains("Makefile").doesNotContain(legacy);
            });
            assertThat(issuer.accepts(legacy)).as("the Makefile's value still works").isTrue();

            tree.put("Makefile", "deploy:\n\tDB_PASSWORD=${DB_PASSWORD} ./deploy.sh\n");
            assertThat(runner.apply(rotate)).singleElement().satisfies(o -> assertThat(o.closed()).as(o.detail()).isTrue());
        }
    }

    /** A verifier (or a store, or a rotator) that quotes the value it was given must not put it in the ledger. */
    @Test
    void shouldKeepAValueAVerifierQuotesOutOfTheLedgerAndTheOutcome() throws Exception {
        MigrationRunner.Verifying quoting = (credential, hash) -> dev.secretsprawl.verify.Verification.live(
                "the server greeted " + credential.secret().reveal());
        try (SecretStore store = store()) {
            MigrationRunner runner = new MigrationRunner(plan(), store, Ledger.open(dir.resolve("ledger.jsonl")),
                    new IssuerActions(List.of(issuer), List.of()), quoting,
                    new VerifyContext(Endpoints.defaults(), Duration.ofSeconds(2)), DETECTOR, HASHER, files(), progress::add)
                    .withRewriters(p -> Optional.of(PLACEHOLDERS));

            List<Outcome> outcomes = runner.apply(new MigrationRunner.Options(false, AdminAccess.none()));

            assertThat(outcomes).singleElement().satisfies(o -> assertThat(o.detail()).doesNotContain(legacy));
        }
        assertThat(Files.readString(dir.resolve("ledger.jsonl"))).doesNotContain(legacy);
        assertThat(progress).noneMatch(line -> line.contains(legacy));
    }

    /** Delegates, but "dies" right after its Nth write succeeded. */
    private static final class CrashingStore implements SecretStore {
        static final class Crash extends RuntimeException {
        }

        private final SecretStore delegate;
        private int writesLeft;

        CrashingStore(SecretStore delegate, int crashAtWrite) {
            this.delegate = delegate;
            this.writesLeft = crashAtWrite;
        }

        public String describe() {
            return delegate.describe();
        }

        public boolean readable() {
            return delegate.readable();
        }

        public Optional<StoredValue> current(String key) throws IOException, InterruptedException {
            return delegate.current(key);
        }

        public Optional<Secret> version(String key, int version) throws IOException, InterruptedException {
            return delegate.version(key, version);
        }

        public int write(String key, Secret value, StoreMetadata metadata, int expectedVersion) throws IOException, InterruptedException {
            int v = delegate.write(key, value, metadata, expectedVersion);
            if (--writesLeft == 0) {
                throw new Crash();
            }
            return v;
        }

        public String locate(String key) {
            return delegate.locate(key);
        }
    }
}
