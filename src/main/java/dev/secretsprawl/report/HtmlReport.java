package dev.secretsprawl.report;

import dev.secretsprawl.scan.Finding;
import dev.secretsprawl.scan.ScanResult;
import dev.secretsprawl.scan.ScanWarning;

import java.io.IOException;
import java.io.Writer;

/** A self-contained HTML page (no scripts, no external assets) to archive next to a build. */
public final class HtmlReport implements ReportWriter {
    @Override
    public String format() {
        return "html";
    }

    /** Commit of introduction and the other introductions, for history findings. */
    private static String history(Finding f) {
        StringBuilder out = new StringBuilder();
        String commit = Introductions.commit(f.properties());
        if (!commit.isEmpty()) {
            out.append("<br><small>").append(Xml.escape(commit)).append("</small>");
        }
        for (String other : Introductions.others(f)) {
            out.append("<br><small>").append(Xml.escape(other)).append("</small>");
        }
        return out.toString();
    }

    @Override
    public void write(ScanResult result, ReportContext context, Writer out) throws IOException {
        out.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n");
        out.write("<title>Secret Sprawl report</title>\n");
        out.write("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
                + "td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}"
                + ".critical,.high{color:#b00020}.medium{color:#b26a00}code{font-size:90%}</style>\n");
        out.write("</head><body>\n<h1>Secret Sprawl report</h1>\n");
        out.write("<p>" + Xml.escape(TextSummary.of(result)) + "</p>\n");
        out.write("<p>Target: <code>" + Xml.escape(result.target()) + "</code></p>\n");
        if (!result.findings().isEmpty()) {
            boolean verified = Verifications.anyVerified(result);
            out.write("<table>\n<tr><th>Severity</th><th>Rule</th><th>Location</th><th>Preview</th>"
                    + (verified ? "<th>Verification</th>" : "") + "<th>Fingerprint</th></tr>\n");
            for (Finding f : result.findings()) {
                out.write("<tr><td class=\"" + f.severity().label() + "\">" + f.severity().label() + "</td>"
                        + "<td>" + Xml.escape(f.ruleId()) + "<br><small>" + Xml.escape(f.description()) + "</small></td>"
                        + "<td><code>" + Xml.escape(f.location().path() + ":" + f.location().startLine()) + "</code>"
                        + history(f) + "</td>"
                        + "<td><code>" + Xml.escape(Previews.of(f, context)) + "</code></td>"
                        + (verified ? "<td>" + Xml.escape(Verifications.line(f)) + "</td>" : "")
                        + "<td><code>" + Xml.escape(f.fingerprint().value()) + "</code></td></tr>\n");
            }
            out.write("</table>\n");
        }
        if (!result.warnings().isEmpty()) {
            out.write("<h2>Warnings</h2>\n<ul>\n");
            for (ScanWarning w : result.warnings()) {
                out.write("<li>" + Xml.escape(w.message()) + "</li>\n");
            }
            out.write("</ul>\n");
        }
        out.write("<p><small>" + Xml.escape(context.toolName() + " " + context.toolVersion()) + "</small></p>\n");
        out.write("</body></html>\n");
        out.flush();
    }
}
