package dev.secretsprawl.cli;

import dev.secretsprawl.migrate.plan.MigrationPlan;
import dev.secretsprawl.migrate.plan.PlanBuilder;
import dev.secretsprawl.migrate.plan.PlanJson;
import dev.secretsprawl.migrate.rotate.IssuerActions;
import dev.secretsprawl.migrate.store.Destination;
import dev.secretsprawl.migrate.store.SecretStore;
import dev.secretsprawl.migrate.store.Stores;
import dev.secretsprawl.report.Terminal;
import dev.secretsprawl.scan.AtomicFile;
import dev.secretsprawl.scan.Finding;
import dev.secretsprawl.scan.ScanResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;

@Command(name = "plan", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Scans PATH and proposes a migration: each distinct secret becomes one credential, named",
                "after the variable its files assign it to, with its destination in the store, every place that",
                "uses it and the reference that replaces it there, and whether 'apply' can rotate and revoke it",
                "or its owner must re-issue it. The plan holds keyed hashes and places, never a value."},
        footer = {"%nDestinations (--to):",
                "  file://PATH                    local AES-GCM store (default: file:// = ~/.local/share/secret-sprawl/store.json;",
                "                                 key from SPRAWL_STORE_KEY or the key file made beside it)",
                "  vault://[HOST:PORT]/MOUNT/PREFIX  HashiCorp Vault KV v2 (VAULT_ADDR, VAULT_TOKEN, VAULT_NAMESPACE)",
                "  github://OWNER/REPO[/ENV]      GitHub Actions secrets (GITHUB_TOKEN)",
                "  gitlab://GROUP/PROJECT         GitLab CI/CD variables (GITLAB_TOKEN, GITLAB_URL)",
                "%nExamples:",
                "  sprawl migrate plan . --output plan.json",
                "  sprawl migrate plan . --to vault:///secret/ci/app --owner team-payments --output plan.json",
                "  sprawl migrate plan . --format text                 # review on the terminal"})
final class MigratePlanCommand implements Callable<Integer> {
    private static final String DEFAULT_DESTINATION = "file://";
    private final Console console;

    @Parameters(index = "0", paramLabel = "PATH", defaultValue = ".", description = "The tree to migrate. Default: the current folder.")
    Path path = Path.of(".");

    @Option(names = "--to", paramLabel = "DEST", defaultValue = DEFAULT_DESTINATION,
            description = "Where the credentials go (see below). Default: the local encrypted store.")
    String to = DEFAULT_DESTINATION;

    @Option(names = "--owner", paramLabel = "TEAM", description = "Who owns these credentials: recorded in the store's metadata and on re-issue tasks.")
    String owner;

    @Option(names = "--deadline", paramLabel = "YYYY-MM-DD",
            description = "When credentials that must be re-issued by hand are due. Default: 14 days from today.")
    String deadline;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "json",
            description = "json (the plan file 'apply' reads) or text (for review). Default: ${DEFAULT-VALUE}.")
    String format = "json";

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the plan to FILE instead of stdout.")
    Path output;

    @Mixin
    EngineOptions engine = new EngineOptions();

    MigratePlanCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        if (!List.of("json", "text").contains(format)) {
            throw new UsageError("unknown format '" + format + "'; use json or text");
        }
        if (!Files.isDirectory(path)) {
            throw new UsageError("PATH " + path + " is not a folder");
        }
        Destination destination = pinned(Destination.parse(to));
        LocalDate due = dueDate();
        if (output != null) {
            ScanSession.checkWritable(output);
        }
        ScanSession session = new ScanSession(console, engine, null).prepare(path);
        ScanResult result = session.scanMigratedTree(path, false);
        List<Finding> findings = result.findings();
        MigrationPlan plan;
        try (WorkingTreeFiles files = new WorkingTreeFiles(path, engine.maxFileSizeBytes())) {
            PlanBuilder builder = new PlanBuilder(IssuerActions.standard(), p -> read(files, p), locator(destination));
            plan = builder.build(findings, new PlanBuilder.Settings(migrationId(), Instant.now().toString(),
                    path.toString(), files.head().orElse(null), destination.toString(), owner, due));
        }
        String text = "json".equals(format) ? PlanJson.write(plan) : PlanText.of(plan);
        if (output == null) {
            console.out().print(text);
            console.out().flush();
        } else {
            AtomicFile.write(output, out -> out.write(text));
        }
        console.err().println(plan.credentials().isEmpty()
                ? "No credentials found under " + path + ": nothing to migrate."
                : "Planned " + plan.credentials().size() + " credential(s) in "
                + plan.credentials().stream().mapToInt(c -> c.consumers().size()).sum() + " place(s) to "
                + Terminal.safe(destination.toString()) + (output == null ? "" : "; plan written to " + output
                + ". Review it, then: sprawl migrate apply " + output));
        String key = Environment.get().get(dev.secretsprawl.scan.SecretHasher.KEY_ENV);
        if (!plan.credentials().isEmpty() && (key == null || key.isBlank())) {
            console.err().println("warning: SPRAWL_HASH_KEY is not set, so the plan's hashes use the public built-in key and "
                    + "a weak password could be guessed from them; set a secret key, the same for plan, apply and gate");
        }
        for (var w : result.warnings()) {
            console.err().println("warning: " + Terminal.safe(w.message()));
        }
        return ExitCodes.CLEAN;
    }

    private LocalDate dueDate() {
        if (deadline == null) {
            return LocalDate.now(ZoneOffset.UTC).plusDays(14);
        }
        try {
            return LocalDate.parse(deadline);
        } catch (DateTimeParseException e) {
            throw new UsageError("--deadline must be a date written YYYY-MM-DD, not '" + deadline + "'");
        }
    }

    private static Optional<String> read(WorkingTreeFiles files, String p) {
        try {
            return files.read(p, null);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A local store's file is written out in full, so apply uses the same file from any folder. */
    private static Destination pinned(Destination destination) throws IOException {
        if (!"file".equals(destination.scheme())) {
            return destination;
        }
        try (SecretStore store = Stores.open(destination, Environment.get())) {
            return Destination.parse(store.describe());
        }
    }

    /** Where the store keeps a key; opening a store does not contact it, but a missing token must not stop a plan. */
    private static UnaryOperator<String> locator(Destination destination) {
        try (SecretStore store = Stores.open(destination, Environment.get())) {
            return store::locate;
        } catch (IOException | RuntimeException e) {
            return key -> destination + "/" + key;
        }
    }

    private static String migrationId() {
        byte[] random = new byte[3];
        new SecureRandom().nextBytes(random);
        return "m-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now())
                + "-" + HexFormat.of().formatHex(random);
    }
}
