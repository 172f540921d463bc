package dev.secretsprawl.report;

import dev.secretsprawl.scan.ScanResult;

import java.io.IOException;
import java.io.Writer;

/** Renders a scan result in one format. Implementations never reveal a secret: previews and hashes only. */
public interface ReportWriter {
    /** The {@code --format} name. */
    String format();

    void write(ScanResult result, ReportContext context, Writer out) throws IOException;
}
