package dev.secretsprawl.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.secretsprawl.rules.Severity;
import dev.secretsprawl.scan.AllowlistEntry;
import dev.secretsprawl.scan.Finding;
import dev.secretsprawl.scan.Occurrence;
import dev.secretsprawl.scan.ScanResult;
import dev.secretsprawl.scan.ScanWarning;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/** Our own JSON shape (version 1): findings, counts and warnings, for scripts and dashboards. */
public final class JsonReport implements ReportWriter {
    @Override
    public String format() {
        return "json";
    }

    @Override
    public void write(ScanResult result, ReportContext context, Writer out) throws IOException {
        ObjectNode root = JsonOutput.object();
        root.put("version", 1);
        ObjectNode tool = root.putObject("tool");
        tool.put("name", context.toolName());
        tool.put("version", context.toolVersion());
        root.put("target", result.target());
        ObjectNode summary = root.putObject("summary");
        summary.put("findings", result.findings().size());
        summary.put("suppressed", result.suppressed().size());
        summary.put("scanned", result.stats().fragments());
        summary.put("bytes", result.stats().bytes());
        // every severity, zeros included, so a pipeline can read one number without knowing which exist
        ObjectNode bySeverity = summary.putObject("bySeverity");
        for (Severity s : Severity.values()) {
            bySeverity.put(s.label(), result.findings().stream().filter(f -> f.severity() == s).count());
        }
        if (Verifications.anyVerified(result)) {
            ObjectNode byVerification = summary.putObject("byVerification");
            Verifications.counts(result).forEach(byVerification::put);
        }
        ObjectNode skipped = summary.putObject("skipped");
        result.stats().skippedByReason().forEach(skipped::put);
        ArrayNode findings = root.putArray("findings");
        for (Finding f : result.findings()) {
            ObjectNode n = findings.addObject();
            n.put("ruleId", f.ruleId());
            n.put("description", f.description());
            n.put("severity", f.severity().label());
            if (f.issuer() != null) {
                n.put("issuer", f.issuer());
            }
            n.put("path", f.location().path());
            n.put("line", f.location().startLine());
            n.put("column", f.location().startColumn());
            n.put("endLine", f.location().endLine());
            n.put("endColumn", f.location().endColumn());
            n.put("fingerprint", f.fingerprint().value());
            n.put("secretHash", f.secretHash());
            n.put("preview", Previews.of(f, context));
            if (f.decodedFrom() != null) {
                n.put("decodedFrom", f.decodedFrom());
            }
            Verifications.status(f).ifPresent(v -> {
                n.put("verification", v);
                n.put("verificationDetail", f.properties().getOrDefault(Verifications.DETAIL, ""));
            });
            if (!f.properties().isEmpty()) {
                ObjectNode props = n.putObject("properties");
                f.properties().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .forEach(e -> props.put(e.getKey(), e.getValue()));
            }
            if (!f.otherOccurrences().isEmpty()) {
                ArrayNode others = n.putArray("otherOccurrences");
                for (Occurrence o : f.otherOccurrences()) {
                    ObjectNode on = others.addObject();
                    on.put("path", o.location().path());
                    on.put("line", o.location().startLine());
                    on.put("column", o.location().startColumn());
                    on.put("endLine", o.location().endLine());
                    on.put("endColumn", o.location().endColumn());
                    ObjectNode props = on.putObject("properties");
                    o.properties().entrySet().stream().sorted(Map.Entry.comparingByKey())
                            .forEach(e -> props.put(e.getKey(), e.getValue()));
                }
            }
        }
        ArrayNode warnings = root.putArray("warnings");
        for (ScanWarning w : result.warnings()) {
            ObjectNode n = warnings.addObject();
            n.put("kind", w.kind());
            if (w.path() != null) {
                n.put("path", w.path());
            }
            n.put("message", w.message());
        }
        ArrayNode expired = root.putArray("expiredAllowlistEntries");
        for (AllowlistEntry e : result.expiredAllowlist()) {
            ObjectNode n = expired.addObject();
            if (e.fingerprint() != null) {
                n.put("fingerprint", e.fingerprint());
            }
            if (e.rule() != null) {
                n.put("rule", e.rule());
            }
            if (e.path() != null) {
                n.put("path", e.path().glob());
            }
            n.put("owner", e.owner());
            n.put("reason", e.reason());
            n.put("expires", e.expires().toString());
        }
        JsonOutput.write(root, out);
    }
}
