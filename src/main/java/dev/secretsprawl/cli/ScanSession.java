package dev.secretsprawl.cli;

import dev.secretsprawl.report.ReportContext;
import dev.secretsprawl.report.ReportWriter;
import dev.secretsprawl.report.Reports;
import dev.secretsprawl.report.Terminal;
import dev.secretsprawl.report.TextSummary;
import dev.secretsprawl.rules.RuleLoader;
import dev.secretsprawl.rules.RulePack;
import dev.secretsprawl.rules.Severity;
import dev.secretsprawl.scan.AtomicFile;
import dev.secretsprawl.scan.Baseline;
import dev.secretsprawl.scan.ConfigException;
import dev.secretsprawl.scan.Detector;
import dev.secretsprawl.scan.Finding;
import dev.secretsprawl.scan.ProgressListener;
import dev.secretsprawl.scan.ScanResult;
import dev.secretsprawl.scan.ScanWarning;
import dev.secretsprawl.scan.Scanner;
import dev.secretsprawl.scan.SecretHasher;
import dev.secretsprawl.scan.Source;
import dev.secretsprawl.scan.SprawlConfig;
import dev.secretsprawl.scan.SprawlConfigLoader;
import dev.secretsprawl.scan.Suppressions;
import dev.secretsprawl.source.DirectorySource;
import dev.secretsprawl.source.Shard;
import dev.secretsprawl.verify.VerificationService;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** What every scan command does around its source: load rules and config, scan, report, pick the exit code. */
final class ScanSession {
    private final Console console;
    private final EngineOptions engine;
    private final OutputOptions output;
    private SprawlConfig config = SprawlConfig.EMPTY;
    private RulePack rules;
    private VerifyOptions verify;

    ScanSession(Console console, EngineOptions engine, OutputOptions output) {
        this.console = console;
        this.engine = engine;
        this.output = output;
    }

    /** Verifies findings after the scan when these options ask for it. */
    ScanSession verifying(VerifyOptions options) {
        this.verify = options;
        return this;
    }

    /** Loads config (explicit, or ROOT/.sprawl.toml when ROOT is given) and the rule pack; call before {@link #scan}. */
    ScanSession prepare(Path root) throws IOException {
        if (verify != null) {
            verify.validate();
        }
        if (output != null) {
            output.validate();
            if (output.failsOnLive() && (verify == null || !verify.enabled())) {
                throw new UsageError("--fail-on live needs --verify: without it no finding is known to be live");
            }
            if (output.output != null) {
                checkWritable(output.output);
            }
            for (OutputOptions.ExtraReport extra : output.extraReports()) {
                checkWritable(extra.file());
            }
        }
        engine.maxFileSizeBytes();
        engine.threadCount();
        config = SprawlConfigLoader.load(engine.config, root);
        RulePack base = engine.rules == null ? RuleLoader.bundled() : RuleLoader.fromDirectory(engine.rules);
        rules = base.plus(config.extraRules());
        return this;
    }

    SprawlConfig config() {
        return config;
    }

    /** A detector over the prepared rule pack, hashing secrets as scans do. */
    Detector detector() {
        return new Detector(rules, SecretHasher.fromEnvironment());
    }

    /** Scans with the baseline (if any) and allowlist applied. */
    ScanResult scan(Source source, String unit, boolean applyBaseline) throws IOException {
        Set<String> baseline = applyBaseline && output != null && output.baseline != null
                ? readBaseline(output.baseline).fingerprints() : Set.of();
        Suppressions suppressions = new Suppressions(baseline, config.allowlist(), LocalDate.now());
        Detector detector = new Detector(rules, SecretHasher.fromEnvironment());
        Scanner scanner = new Scanner(detector, suppressions, engine.threadCount());
        boolean quiet = output != null && output.quiet;
        TerminalProgress progress = !quiet && console.interactive() ? new TerminalProgress(console.err(), unit) : null;
        ScanResult result;
        try {
            result = scanner.scan(source, progress == null ? ProgressListener.NONE : progress);
        } finally {
            if (progress != null) {
                progress.clear();
            }
        }
        return verify != null && verify.enabled() ? verified(result) : result;
    }

    /**
     * The files of a tree being migrated, without the migration's own folder ({@code .sprawl/}: its ledger holds
     * hashes, never values, and is neither a consumer nor a finding).
     */
    ScanResult scanMigratedTree(Path root, boolean applyBaseline) throws IOException {
        ScanResult result = scan(new DirectorySource(root, config, engine.maxFileSizeBytes(), Shard.parse("1/1")),
                "files", applyBaseline);
        java.util.function.Predicate<Finding> outsideLedger = f -> !f.location().path().startsWith(".sprawl/");
        return new ScanResult(result.target(), result.findings().stream().filter(outsideLedger).toList(),
                result.suppressed().stream().filter(outsideLedger).toList(), result.warnings(), result.expiredAllowlist(),
                result.stats());
    }

    /** The result with each finding verified once per distinct credential; --only-live keeps the live ones. */
    ScanResult verified(ScanResult result) {
        boolean quiet = output != null && output.quiet;
        boolean showProgress = !quiet && console.interactive();
        int total = result.findings().size();
        List<Finding> checked;
        try (VerificationService service = verify.service()) {
            checked = service.verifyAll(result.findings(), done -> {
                if (showProgress) {
                    console.err().print("\rverifying " + done + "/" + total + " findings");
                }
            });
            if (showProgress && total > 0) {
                console.err().print("\r" + " ".repeat(40) + "\r");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("verification was interrupted");
        }
        List<Finding> kept = verify.onlyLive
                ? checked.stream().filter(f -> "live".equals(f.properties().get(VerificationService.PROPERTY))).toList()
                : checked;
        return new ScanResult(result.target(), kept, result.suppressed(), result.warnings(), result.expiredAllowlist(),
                result.stats());
    }

    static Baseline readBaseline(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("baseline " + file + " does not exist; create one with 'sprawl baseline create PATH --output "
                    + file + "'");
        }
        return Baseline.read(file);
    }

    /** Writes the report to --output (atomically) or stdout; prints a summary to stderr when useful. */
    void report(ScanResult result) throws IOException {
        ReportWriter writer = Reports.forFormat(output.format).orElseThrow();
        ReportContext context = new ReportContext(ReportContext.TOOL, VersionProvider.version(), rules, output.redact);
        for (OutputOptions.ExtraReport extra : output.extraReports()) {
            writeFile(Reports.forFormat(extra.format()).orElseThrow(), context, result, extra.file());
        }
        if (output.output == null) {
            Writer out = new BufferedWriter(new OutputStreamWriter(console.out(), StandardCharsets.UTF_8));
            writer.write(result, context, out);
            out.flush();
            if (!writer.format().equals("text")) {
                summarize(result, null);
            }
            return;
        }
        writeFile(writer, context, result, output.output);
        summarize(result, output.output);
    }

    private static void writeFile(ReportWriter writer, ReportContext context, ScanResult result, Path file) throws IOException {
        try {
            AtomicFile.write(file, out -> writer.write(result, context, out));
        } catch (IOException e) {
            throw new IOException("cannot write the report to " + file + " ("
                    + e.getClass().getSimpleName().replace("Exception", "") + ")", e);
        }
    }

    /** Fails before scanning when the report could not be written afterwards. */
    static void checkWritable(Path report) {
        Path dir = report.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ConfigException("cannot write the report to " + report + ": its folder " + dir
                    + " cannot be created (" + e.getClass().getSimpleName().replace("Exception", "") + ")");
        }
        if (!Files.isWritable(dir) || Files.isDirectory(report)) {
            throw new ConfigException("cannot write the report to " + report + ": "
                    + (Files.isDirectory(report) ? "it is a folder" : "its folder is not writable"));
        }
    }

    private void summarize(ScanResult result, Path writtenTo) {
        if (output.quiet) {
            return;
        }
        console.err().println(TextSummary.of(result) + (writtenTo == null ? "" : " Report: " + writtenTo));
        for (ScanWarning w : result.warnings()) {
            console.err().println("warning: " + Terminal.safe(w.message()));
        }
    }

    int exitCode(ScanResult result) {
        if (output.failsOnLive()) {
            if (result.findings().stream().anyMatch(f -> "live".equals(f.properties().get(VerificationService.PROPERTY)))) {
                return ExitCodes.FINDINGS;
            }
        } else if (result.findings().stream().anyMatch(f -> f.severity().atLeast(output.failOnSeverity()))) {
            return ExitCodes.FINDINGS;
        }
        if (result.incomplete()) {
            console.err().println("sprawl: some items could not be scanned (see the warnings); the result is incomplete");
            return ExitCodes.RUNTIME;
        }
        return ExitCodes.CLEAN;
    }
}
