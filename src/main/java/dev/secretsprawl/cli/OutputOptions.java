package dev.secretsprawl.cli;

import dev.secretsprawl.report.Reports;
import dev.secretsprawl.rules.Severity;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Options that decide how results are written and when the command fails. */
final class OutputOptions {
    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "Report format: text, sarif, json, junit, html. Default: ${DEFAULT-VALUE}.")
    String format = "text";

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the report to FILE (written whole, or not at all) instead of stdout.")
    Path output;

    @Option(names = "--report", paramLabel = "FORMAT:FILE",
            description = {"Also write the same result in another format to FILE (repeatable), e.g.",
                    "--report junit:sprawl-junit.xml --report json:sprawl.json: one scan, several reports."})
    List<String> extraReports = new ArrayList<>();

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Do not report findings whose fingerprints are in this baseline (see 'sprawl baseline create').")
    Path baseline;

    @Option(names = "--redact",
            description = "Show no characters of any secret, not even the short preview.")
    boolean redact;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "info",
            description = {"Exit 1 only for findings at or above SEVERITY: critical, high, medium, low, info;",
                    "or 'live': only for credentials verified live (with --verify). Default: ${DEFAULT-VALUE}."})
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
        extraReports();
    }

    /** The --report FORMAT:FILE pairs, checked. */
    List<ExtraReport> extraReports() {
        List<ExtraReport> out = new ArrayList<>();
        for (String spec : extraReports) {
            int colon = spec.indexOf(':');
            String kind = colon < 0 ? "" : spec.substring(0, colon).strip();
            String file = colon < 0 ? "" : spec.substring(colon + 1).strip();
            if (kind.isEmpty() || file.isEmpty()) {
                throw new UsageError("--report must look like FORMAT:FILE (e.g. junit:sprawl-junit.xml), got '" + spec + "'");
            }
            if (Reports.forFormat(kind).isEmpty()) {
                throw new UsageError("--report " + spec + ": unknown format '" + kind + "'; use one of "
                        + String.join(", ", Reports.formats()));
            }
            out.add(new ExtraReport(kind, Path.of(file)));
        }
        return out;
    }

    /** One additional report: the same result written in another format. */
    record ExtraReport(String format, Path file) {
    }

    /** --fail-on live: fail for verified-live credentials only, whatever their severity. */
    boolean failsOnLive() {
        return "live".equalsIgnoreCase(failOn.strip());
    }

    Severity failOnSeverity() {
        if (failsOnLive()) {
            return Severity.INFO;
        }
        try {
            return Severity.parse(failOn);
        } catch (IllegalArgumentException e) {
            throw new UsageError("--fail-on: " + e.getMessage());
        }
    }
}
