package dev.secretsprawl.report;

import dev.secretsprawl.scan.Finding;

/** The only way reports show a secret: a short preview, or nothing at all under {@code --redact}. */
final class Previews {
    static final String REDACTED = "[redacted]";

    private Previews() {
    }

    static String of(Finding finding, ReportContext context) {
        return context.redact() ? REDACTED : finding.preview();
    }
}
