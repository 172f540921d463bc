package dev.secretsprawl.cli;

import dev.secretsprawl.migrate.CredentialHistory;
import dev.secretsprawl.migrate.MigrationRunner;
import dev.secretsprawl.migrate.MigrationRunner.Outcome;
import dev.secretsprawl.migrate.ledger.Ledger;
import dev.secretsprawl.migrate.ledger.Step;
import dev.secretsprawl.migrate.plan.MigrationPlan;
import dev.secretsprawl.migrate.plan.MigrationPlan.PlannedCredential;
import dev.secretsprawl.migrate.plan.PlanJson;
import dev.secretsprawl.migrate.rotate.AdminAccess;
import dev.secretsprawl.migrate.rotate.IssuerActions;
import dev.secretsprawl.migrate.store.Destination;
import dev.secretsprawl.migrate.store.SecretStore;
import dev.secretsprawl.migrate.store.Stores;
import dev.secretsprawl.report.Terminal;
import dev.secretsprawl.scan.SecretHasher;
import dev.secretsprawl.source.git.ChangeBranch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "apply", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Carries out a plan, one credential at a time: store the legacy value, read it back,",
                "rewrite every file that uses it, then with --rotate issue a new value (stored first), make the",
                "issuer accept it, revoke the legacy one and prove it dead. Each step is journaled in the",
                "ledger; run apply again after any failure or crash and it goes on where it stopped, never",
                "doing a step twice. Without --rotate (or where no API can rotate), the legacy value stays live",
                "and gets a re-issue task with its owner and deadline; 'sprawl gate' fails until it is dead.",
                "Exit 0 when no step failed, 1 when a credential's step failed (see the table), 2 usage, 3 error."},
        footer = {"%nAdmin connections (--admin ISSUER=URI, passwords from SPRAWL_ADMIN_<ISSUER>_PASSWORD):",
                "  postgres=postgresql://admin@db:5432/postgres    mysql=mysql://root@db:3306",
                "  redis=redis://default@cache:6379                amqp=qpid+http://admin@mq:8080 (management API)",
                "%nExamples:",
                "  sprawl migrate apply plan.json --dry-run",
                "  sprawl migrate apply plan.json",
                "  SPRAWL_ADMIN_POSTGRES_PASSWORD=... sprawl migrate apply plan.json --rotate \\",
                "      --admin postgres=postgresql://postgres@db.internal:5432/postgres"})
final class MigrateApplyCommand implements Callable<Integer> {
    private final Console console;

    @Parameters(index = "0", paramLabel = "PLAN", description = "A plan written by 'sprawl migrate plan'.")
    Path planFile;

    @Option(names = "--rotate", description = "Replace each credential at its issuer and revoke the legacy value.")
    boolean rotate;

    @Option(names = "--admin", paramLabel = "ISSUER=URI",
            description = "An admin connection for rotating database and broker passwords (repeatable; see below).")
    List<String> admin = new ArrayList<>();

    @Option(names = "--dry-run", description = "Show what each credential's next steps would be; change nothing.")
    boolean dryRun;

    @Option(names = "--root", paramLabel = "DIR",
            description = "The tree the plan's paths are relative to. Default: the PATH the plan was made for.")
    Path root;

    @Option(names = "--ledger", paramLabel = "FILE", description = "The ledger. Default: ROOT/.sprawl/ledger.jsonl.")
    Path ledgerFile;

    @Option(names = "--commit-branch", paramLabel = "BRANCH",
            description = "Commit the rewritten files and the ledger on a new branch BRANCH made at HEAD, for a pull request.")
    String commitBranch;

    @Mixin
    IssuerOptions issuers = new IssuerOptions();

    @Mixin
    EngineOptions engine = new EngineOptions();

    MigrateApplyCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        issuers.validate();
        AdminAccess adminAccess = adminAccess();
        if (!Files.isRegularFile(planFile)) {
            throw new UsageError("no plan at " + planFile + "; make one with: sprawl migrate plan PATH --output " + planFile);
        }
        if (commitBranch != null && !org.eclipse.jgit.lib.Repository.isValidRefName("refs/heads/" + commitBranch)) {
            throw new UsageError("--commit-branch '" + commitBranch + "' is not a valid git branch name");
        }
        MigrationPlan plan = PlanJson.read(planFile);
        Path tree = root != null ? root : Path.of(plan.root());
        if (!Files.isDirectory(tree)) {
            throw new UsageError("the plan's tree " + tree + " is not a folder here; give it with --root DIR");
        }
        Path ledgerPath = ledgerFile != null ? ledgerFile : tree.resolve(Ledger.DEFAULT);
        Destination destination = Destination.parse(plan.destination());
        if (dryRun) {
            console.out().print(dryRunText(plan, Ledger.open(ledgerPath)));
            return ExitCodes.CLEAN;
        }
        Files.createDirectories(ledgerPath.toAbsolutePath().getParent());
        Path ignore = ledgerPath.resolveSibling(".gitignore");
        if (!Files.exists(ignore)) {
            // the ledger is committed (the gate reads it in CI); the lock beside it is not
            Files.writeString(ignore, "*.lock\n");
        }
        Path lockFile = ledgerPath.resolveSibling(ledgerPath.getFileName() + ".lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new UsageError("another 'sprawl migrate apply' holds " + lockFile + "; wait for it to finish");
            }
            try (lock; SecretStore store = Stores.open(destination, Environment.get());
                 WorkingTreeFiles files = new WorkingTreeFiles(tree, engine.maxFileSizeBytes())) {
                ScanSession session = new ScanSession(console, engine, null).prepare(tree);
                MigrationRunner runner = new MigrationRunner(plan, store, Ledger.open(ledgerPath), IssuerActions.standard(),
                        issuers.freshVerifying(), issuers.context(), session.detector(), SecretHasher.fromEnvironment(), files,
                        line -> console.err().println(Terminal.safe(line)));
                List<Outcome> outcomes = runner.apply(new MigrationRunner.Options(rotate, adminAccess));
                console.out().print(outcomeTable(outcomes, ledgerPath));
                if (commitBranch != null) {
                    commit(tree, ledgerPath, plan);
                }
                return outcomes.stream().anyMatch(o -> o.stage() == Step.FAILED) ? ExitCodes.FINDINGS : ExitCodes.CLEAN;
            }
        }
    }

    /** The files this migration rewrote, and the ledger, on a new branch. */
    private void commit(Path tree, Path ledgerPath, MigrationPlan plan) throws IOException {
        java.util.LinkedHashSet<String> paths = new java.util.LinkedHashSet<>();
        for (var r : Ledger.open(ledgerPath).records()) {
            if (r.migration().equals(plan.migrationId()) && r.step() == Step.REWRITTEN && r.data().get("files") instanceof List<?> files) {
                files.forEach(f -> paths.add(f.toString()));
            }
        }
        Path absoluteTree = tree.toAbsolutePath().normalize();
        Path ledger = ledgerPath.toAbsolutePath().normalize();
        if (ledger.startsWith(absoluteTree)) {
            paths.add(absoluteTree.relativize(ledger).toString().replace('\\', '/'));
            if (Files.exists(ledger.resolveSibling(".gitignore"))) {
                paths.add(absoluteTree.relativize(ledger.resolveSibling(".gitignore")).toString().replace('\\', '/'));
            }
        }
        String id = ChangeBranch.commit(tree, commitBranch, List.copyOf(paths), "Move " + plan.credentials().size()
                + " hardcoded credential(s) to " + plan.destination() + "\n\nsprawl migrate apply, migration "
                + plan.migrationId() + ". The files now reference the store; the ledger journals each step.");
        console.err().println("Committed " + paths.size() + " file(s) on branch " + Terminal.safe(commitBranch) + " ("
                + id.substring(0, 12) + "): open a pull request from it.");
    }

    private AdminAccess adminAccess() {
        Map<String, URI> uris = new LinkedHashMap<>();
        for (String spec : admin) {
            try {
                Map.Entry<String, URI> e = AdminAccess.parse(spec);
                uris.put(e.getKey(), e.getValue());
            } catch (IllegalArgumentException e) {
                throw new UsageError(e.getMessage());
            }
        }
        if (!uris.isEmpty() && !rotate) {
            throw new UsageError("--admin is only used to rotate: add --rotate");
        }
        return new AdminAccess(uris, Environment.get());
    }

    static String outcomeTable(List<Outcome> outcomes, Path ledger) {
        StringBuilder out = new StringBuilder();
        int width = outcomes.stream().mapToInt(o -> o.credential().length()).max().orElse(10);
        for (Outcome o : outcomes) {
            out.append(String.format("%-" + Math.max(10, width) + "s  %-13s %s%n", o.credential(), o.stage().label(),
                    Terminal.safe(o.detail())));
        }
        long closed = outcomes.stream().filter(Outcome::closed).count();
        long reissue = outcomes.stream().filter(o -> o.stage() == Step.REISSUE_TASK).count();
        long failed = outcomes.stream().filter(o -> o.stage() == Step.FAILED).count();
        out.append(String.format("%d closed, %d waiting for re-issue (legacy still to be killed), %d failed. Ledger: %s%n",
                closed, reissue, failed, ledger));
        if (failed > 0) {
            out.append("Fix what the failed rows say, then run the same apply again: finished steps are not repeated.\n");
        }
        return out.toString();
    }

    private String dryRunText(MigrationPlan plan, Ledger ledger) {
        StringBuilder out = new StringBuilder("Dry run: nothing is stored, rewritten or rotated.\n");
        for (PlannedCredential pc : plan.credentials()) {
            CredentialHistory h = CredentialHistory.of(ledger, plan.migrationId(), pc.name());
            List<String> next = new ArrayList<>();
            if (h.done(Step.CLOSED)) {
                next.add("nothing: closed");
            } else {
                if (!h.done(Step.STORED)) {
                    next.add("store in " + pc.location());
                }
                if (!h.done(Step.VALIDATED)) {
                    next.add("read back");
                }
                if (!h.done(Step.REWRITTEN)) {
                    long auto = pc.consumers().stream().filter(c -> !c.manual()).count();
                    next.add("rewrite " + auto + " place(s)" + (auto < pc.consumers().size()
                            ? ", " + (pc.consumers().size() - auto) + " by hand" : ""));
                }
                if (rotate && pc.rotation().automatic()) {
                    next.add("rotate, revoke, verify the legacy value dead, close");
                } else {
                    next.add("re-issue task for " + (pc.reissue() == null ? "its owner" : pc.reissue().owner()));
                }
            }
            out.append(pc.name()).append(": ").append(Terminal.safe(String.join(" -> ", next))).append('\n');
        }
        return out.toString();
    }
}
