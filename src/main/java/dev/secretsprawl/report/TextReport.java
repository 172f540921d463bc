package dev.secretsprawl.report;

import dev.secretsprawl.scan.Finding;
import dev.secretsprawl.scan.ScanResult;
import dev.secretsprawl.scan.ScanWarning;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/** The human report: one block per finding, then a summary line and the warnings. */
public final class TextReport implements ReportWriter {
    @Override
    public String format() {
        return "text";
    }

    @Override
    public void write(ScanResult result, ReportContext context, Writer out) throws IOException {
        for (Finding f : result.findings()) {
            out.write(String.format(Locale.ROOT, "%-8s  %s  %s:%d:%d%n", f.severity().label().toUpperCase(Locale.ROOT),
                    f.ruleId(), Terminal.safe(f.location().path()), f.location().startLine(), f.location().startColumn()));
            out.write("          " + f.description() + "  " + Terminal.safe(Previews.of(f, context))
                    + (f.decodedFrom() == null ? "" : "  (" + f.decodedFrom() + "-encoded)") + "\n");
            String verified = Verifications.line(f);
            if (!verified.isEmpty()) {
                out.write("          verified: " + Terminal.safe(verified) + "\n");
            }
            String commit = Introductions.commit(f.properties());
            if (!commit.isEmpty()) {
                out.write("          " + Terminal.safe(commit) + "\n");
            }
            for (String other : Introductions.others(f)) {
                out.write("          " + Terminal.safe(other) + "\n");
            }
            out.write("          fingerprint " + f.fingerprint().value() + "\n\n");
        }
        out.write(TextSummary.of(result) + "\n");
        for (ScanWarning w : result.warnings()) {
            out.write("warning: " + Terminal.safe(w.message()) + "\n");
        }
        out.flush();
    }


}
