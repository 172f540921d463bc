package dev.secretsprawl.report;

import dev.secretsprawl.scan.Finding;
import dev.secretsprawl.scan.ScanResult;
import dev.secretsprawl.scan.ScanWarning;

import java.io.IOException;
import java.io.Writer;

/**
 * JUnit XML as Jenkins' {@code junit} step reads it: one failed test case per finding, grouped by file;
 * a clean scan is one passing test case, so the step never sees an empty report.
 */
public final class JunitReport implements ReportWriter {
    @Override
    public String format() {
        return "junit";
    }

    @Override
    public void write(ScanResult result, ReportContext context, Writer out) throws IOException {
        int failures = result.findings().size();
        int tests = Math.max(1, failures);
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.write("<testsuites name=\"" + Xml.escape(context.toolName()) + "\" tests=\"" + tests + "\" failures=\""
                + failures + "\">\n");
        out.write("  <testsuite name=\"" + Xml.escape(context.toolName()) + "\" tests=\"" + tests + "\" failures=\""
                + failures + "\" errors=\"0\" skipped=\"0\">\n");
        if (!result.warnings().isEmpty()) {
            out.write("    <system-out>");
            for (ScanWarning w : result.warnings()) {
                out.write(Xml.escape("warning: " + w.message()) + "\n");
            }
            out.write("</system-out>\n");
        }
        if (failures == 0) {
            out.write("    <testcase classname=\"" + Xml.escape(context.toolName()) + "\" name=\"no secrets found\"/>\n");
        }
        for (Finding f : result.findings()) {
            String where = f.location().path() + ":" + f.location().startLine();
            out.write("    <testcase classname=\"" + Xml.escape(classname(f.location().path())) + "\" name=\""
                    + Xml.escape(f.ruleId() + " at " + where) + "\">\n");
            out.write("      <failure type=\"" + Xml.escape(f.ruleId()) + "\" message=\""
                    + Xml.escape(f.severity().label() + ": " + f.description() + " at " + where
                            + Verifications.status(f).map(v -> " (" + v + ")").orElse("")) + "\">");
            out.write(Xml.escape(f.description() + "\n"
                    + "location:    " + where + ":" + f.location().startColumn() + "\n"
                    + "severity:    " + f.severity().label() + "\n"
                    + "preview:     " + Previews.of(f, context) + "\n"
                    + (f.decodedFrom() == null ? "" : "encoding:    " + f.decodedFrom() + "\n")
                    + (Verifications.line(f).isEmpty() ? "" : "verified:    " + Verifications.line(f) + "\n")
                    + "fingerprint: " + f.fingerprint().value() + "\n"
                    + (Introductions.commit(f.properties()).isEmpty() ? "" : "introduced:  " + Introductions.commit(f.properties()) + "\n")
                    + Introductions.others(f).stream().map(l -> l + "\n").collect(java.util.stream.Collectors.joining())
                    + "Move this credential to a secrets manager and rotate it."));
            out.write("</failure>\n");
            out.write("    </testcase>\n");
        }
        out.write("  </testsuite>\n</testsuites>\n");
        out.flush();
    }

    /** Jenkins groups test cases by class name; dots make it show the file's folders as packages. */
    private static String classname(String path) {
        return "secrets." + path.replace('.', '_').replace('/', '.');
    }
}
