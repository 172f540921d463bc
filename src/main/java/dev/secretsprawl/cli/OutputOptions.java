package dev.secretsprawl.cli;

import dev.secretsprawl.report.Reports;
import dev.secretsprawl.rules.Severity;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options that decide how results are written and when the command fails. */
final class OutputOptions {
    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "Report format: text, sarif, json, junit, html. Default: ${DEFAULT-VALUE}.")
    String format = "text";

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the report to FILE (written whole, or not at all) instead of stdout.")
    Path output;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Do not report findings whose fingerprints are in this baseline (see 'sprawl baseline create').")
    Path baseline;

    @Option(names = "--redact",
            description = "Show no characters of any secret, not even the short preview.")
    boolean redact;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "info",
            description = "Exit 1 only for findings at or above SEVERITY: critical, high, medium, low, info. Default: ${DEFAULT-VALUE}.")
    String failOn = "info";

    @Option(names = {"-q", "--quiet"},
            description = "No progress and no summary on stderr.")
    boolean quiet;

    /** Checks every option before a possibly long scan starts, so mistakes cost nothing. */
    void validate() {
        if (Reports.forFormat(format).isEmpty()) {
            throw new UsageError("unknown format '" + format + "'; use one of " + String.join(", ", Reports.formats()));
        }
        failOnSeverity();
    }

    Severity failOnSeverity() {
        try {
            return Severity.parse(failOn);
        } catch (IllegalArgumentException e) {
            throw new UsageError("--fail-on: " + e.getMessage());
        }
    }
}
