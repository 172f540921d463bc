package dev.secretsprawl.cli;

import dev.secretsprawl.gate.Gate;
import dev.secretsprawl.gate.GateReport;
import dev.secretsprawl.gate.GateRow;
import dev.secretsprawl.migrate.CredentialHistory;
import dev.secretsprawl.migrate.LegacyCredentials;
import dev.secretsprawl.migrate.ledger.Ledger;
import dev.secretsprawl.migrate.ledger.LedgerTamperedException;
import dev.secretsprawl.migrate.store.Destination;
import dev.secretsprawl.migrate.store.SecretStore;
import dev.secretsprawl.migrate.store.Stores;
import dev.secretsprawl.report.Terminal;
import dev.secretsprawl.scan.AtomicFile;
import dev.secretsprawl.scan.Detector;
import dev.secretsprawl.scan.ScanResult;
import dev.secretsprawl.scan.SecretHasher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "gate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Fails the build while the old trust path is open: when a migrated credential's legacy value",
                "still authenticates (asked again now, at its issuer), or still sits in the code, or a finding",
                "is neither migrated nor baselined. Reads the ledger 'sprawl migrate apply' wrote and scans PATH.",
                "Before --cutover those problems are warnings; from that day on they fail.",
                "Exit 0 passed (maybe with warnings), 1 failed, 2 usage error, 3 runtime error."},
        footer = {"%nExamples:",
                "  sprawl gate .",
                "  sprawl gate . --cutover 2027-01-15 --format junit --output sprawl-gate.xml",
                "  sprawl gate . --baseline .sprawl-baseline.json --format sarif --output sprawl-gate.sarif"})
final class GateCommand implements Callable<Integer> {
    private final Console console;

    @Parameters(index = "0", paramLabel = "PATH", defaultValue = ".", description = "The migrated tree. Default: the current folder.")
    Path path = Path.of(".");

    @Option(names = "--ledger", paramLabel = "FILE", description = "The ledger. Default: PATH/.sprawl/ledger.jsonl.")
    Path ledgerFile;

    @Option(names = "--cutover", paramLabel = "YYYY-MM-DD", description = "Until this day problems only warn.")
    String cutover;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json, junit, sarif or html. Default: ${DEFAULT-VALUE}.")
    String format = "text";

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of stdout.")
    Path output;

    @Option(names = "--baseline", paramLabel = "FILE", description = "Findings in this baseline are accepted.")
    Path baseline;

    @Mixin
    IssuerOptions issuers = new IssuerOptions();

    @Mixin
    EngineOptions engine = new EngineOptions();

    GateCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        if (!GateFormats.FORMATS.contains(format)) {
            throw new UsageError("unknown format '" + format + "'; use one of " + String.join(", ", GateFormats.FORMATS));
        }
        LocalDate cutoverDate = cutoverDate();
        issuers.validate();
        if (!Files.isDirectory(path)) {
            throw new UsageError("PATH " + path + " is not a folder");
        }
        if (output != null) {
            ScanSession.checkWritable(output);
        }
        Path file = ledgerFile != null ? ledgerFile : path.resolve(Ledger.DEFAULT);
        List<GateRow> broken = new ArrayList<>();
        Map<String, CredentialHistory> histories = new LinkedHashMap<>();
        try {
            histories = CredentialHistory.all(Ledger.open(file));
        } catch (LedgerTamperedException e) {
            broken.add(new GateRow(GateRow.Kind.LEDGER_BROKEN, GateRow.Verdict.FAIL, "", file.toString(),
                    (int) e.line(), e.getMessage()));
        }
        OutputOptions scanOutput = new OutputOptions();
        scanOutput.baseline = baseline;
        scanOutput.quiet = true;
        ScanSession session = new ScanSession(console, engine, scanOutput).prepare(path);
        ScanResult result = session.scanMigratedTree(path, true);
        Detector detector = session.detector();
        Map<String, SecretStore> stores = new HashMap<>();
        GateReport report;
        try (WorkingTreeFiles files = new WorkingTreeFiles(path, engine.maxFileSizeBytes())) {
            Gate gate = new Gate(h -> LegacyCredentials.find(h, store(stores, h), detector, SecretHasher.fromEnvironment(), files),
                    issuers.freshVerifying());
            GateReport evaluated = gate.evaluate(histories, result.findings(), result.suppressed(), cutoverDate, LocalDate.now(ZoneOffset.UTC));
            List<GateRow> rows = new ArrayList<>(broken);
            rows.addAll(evaluated.rows());
            report = new GateReport(rows, evaluated.cutover(), evaluated.today());
        } finally {
            for (SecretStore s : stores.values()) {
                if (s != null) {
                    s.close();
                }
            }
        }
        String text = GateFormats.render(report, format, VersionProvider.version());
        if (output == null) {
            console.out().print(text);
            console.out().flush();
        } else {
            AtomicFile.write(output, out -> out.write(text));
        }
        if (output != null || !"text".equals(format)) {
            console.err().println(Terminal.safe(GateFormats.summary(report)) + (output == null ? "" : " Report: " + output));
        }
        return report.passed() ? ExitCodes.CLEAN : ExitCodes.FINDINGS;
    }

    /** The store a migration used, opened once; null when it cannot be opened here (no token): the code's history is tried. */
    private static SecretStore store(Map<String, SecretStore> stores, CredentialHistory h) {
        String destination = h.planned().map(r -> r.text("destination")).orElse("");
        return stores.computeIfAbsent(destination, d -> {
            try {
                return Stores.open(Destination.parse(d), Environment.get());
            } catch (IOException | RuntimeException e) {
                return null;
            }
        });
    }

    private LocalDate cutoverDate() {
        if (cutover == null) {
            return null;
        }
        try {
            return LocalDate.parse(cutover);
        } catch (DateTimeParseException e) {
            throw new UsageError("--cutover must be a date written YYYY-MM-DD, not '" + cutover + "'");
        }
    }
}
