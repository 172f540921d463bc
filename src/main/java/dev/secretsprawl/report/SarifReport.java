package dev.secretsprawl.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.secretsprawl.rules.Rule;
import dev.secretsprawl.rules.Severity;
import dev.secretsprawl.scan.Finding;
import dev.secretsprawl.scan.Location;
import dev.secretsprawl.scan.Occurrence;
import dev.secretsprawl.scan.ScanResult;
import dev.secretsprawl.scan.ScanWarning;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SARIF 2.1.0: one result per finding, rules that fired in {@code tool.driver.rules}, stable
 * fingerprints in {@code partialFingerprints}, scan warnings as tool execution notifications.
 */
public final class SarifReport implements ReportWriter {
    public static final String FINGERPRINT_KEY = "secretSprawl/v1";
    @Override
    public String format() {
        return "sarif";
    }

    @Override
    public void write(ScanResult result, ReportContext context, Writer out) throws IOException {
        ObjectNode root = JsonOutput.object();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", context.toolName());
        driver.put("semanticVersion", context.toolVersion());
        driver.put("informationUri", ReportContext.INFORMATION_URI);
        Map<String, Integer> ruleIndex = rules(result, context, driver.putArray("rules"));
        ObjectNode invocation = run.putArray("invocations").addObject();
        invocation.put("executionSuccessful", true);
        ArrayNode notifications = invocation.putArray("toolExecutionNotifications");
        for (ScanWarning w : result.warnings()) {
            ObjectNode n = notifications.addObject();
            n.put("level", "warning");
            n.putObject("message").put("text", w.message());
            n.putObject("descriptor").put("id", w.kind());
        }
        ArrayNode results = run.putArray("results");
        for (Finding f : result.findings()) {
            result(f, ruleIndex, context, results.addObject());
        }
        JsonOutput.write(root, out);
    }

    private static Map<String, Integer> rules(ScanResult result, ReportContext context, ArrayNode rules) {
        Map<String, Integer> index = new LinkedHashMap<>();
        for (Finding f : result.findings()) {
            if (index.containsKey(f.ruleId())) {
                continue;
            }
            index.put(f.ruleId(), index.size());
            ObjectNode r = rules.addObject();
            r.put("id", f.ruleId());
            r.put("name", camel(f.ruleId()));
            r.putObject("shortDescription").put("text", f.description());
            r.putObject("fullDescription").put("text", f.description()
                    + ". A credential committed to a repository or written to a build log must be rotated and moved to a secrets manager.");
            r.putObject("defaultConfiguration").put("level", level(f.severity()));
            ObjectNode props = r.putObject("properties");
            props.putArray("tags").add("security").add("secret");
            props.put("security-severity", securitySeverity(f.severity()));
            props.put("severity", f.severity().label());
            Rule rule = context.rules() == null ? null : context.rules().find(f.ruleId()).orElse(null);
            if (rule != null && rule.issuer() != null) {
                props.put("issuer", rule.issuer());
            }
        }
        return index;
    }

    private static void result(Finding f, Map<String, Integer> ruleIndex, ReportContext context, ObjectNode r) {
        r.put("ruleId", f.ruleId());
        r.put("ruleIndex", ruleIndex.get(f.ruleId()));
        r.put("level", level(f.severity()));
        r.putObject("message").put("text", f.description() + " (" + Previews.of(f, context) + ")"
                + (f.decodedFrom() == null ? "" : ", " + f.decodedFrom() + "-encoded"));
        physicalLocation(r.putArray("locations").addObject(), f.location());
        if (!f.otherOccurrences().isEmpty()) {
            // the same secret introduced again (another branch, or added back): one result, every introduction named
            ArrayNode related = r.putArray("relatedLocations");
            int id = 1;
            for (Occurrence o : f.otherOccurrences()) {
                ObjectNode location = related.addObject();
                location.put("id", id++);
                physicalLocation(location, o.location());
                location.putObject("message").put("text", "also introduced here"
                        + (o.properties().containsKey("commit") ? " in " + Introductions.commit(o.properties()) : ""));
                ObjectNode lp = location.putObject("properties");
                o.properties().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .forEach(e -> lp.put(e.getKey(), e.getValue()));
            }
        }
        ObjectNode fingerprints = r.putObject("partialFingerprints");
        fingerprints.put(FINGERPRINT_KEY, f.fingerprint().value());
        String commit = f.properties().get("commit");
        if (commit != null) {
            fingerprints.put("commitSha", commit);
        }
        ObjectNode props = r.putObject("properties");
        props.put("severity", f.severity().label());
        props.put("secretHash", f.secretHash());
        props.put("preview", Previews.of(f, context));
        if (!f.otherOccurrences().isEmpty()) {
            props.put("introductions", 1 + f.otherOccurrences().size());
        }
        if (f.issuer() != null) {
            props.put("issuer", f.issuer());
        }
        if (f.decodedFrom() != null) {
            props.put("decodedFrom", f.decodedFrom());
        }
        f.properties().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> props.put(e.getKey(), e.getValue()));
    }

    private static void physicalLocation(ObjectNode location, Location where) {
        ObjectNode physical = location.putObject("physicalLocation");
        physical.putObject("artifactLocation").put("uri", uri(where.path()));
        ObjectNode region = physical.putObject("region");
        region.put("startLine", where.startLine());
        region.put("startColumn", where.startColumn());
        region.put("endLine", where.endLine());
        region.put("endColumn", where.endColumn());
    }

    /**
     * Relative paths as URI references: percent-encode what a URI cannot hold, keep the slashes. Locations
     * that already are URLs (a Jenkins job's config.xml or console) are kept as they are: encoding their
     * {@code %2F} again would point elsewhere.
     */
    public static String uri(String path) {
        if (path.startsWith("https://") || path.startsWith("http://")) {
            return path;
        }
        StringBuilder out = new StringBuilder();
        for (byte b : path.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/!$&'()*+,;=:@".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    static String level(Severity severity) {
        return switch (severity) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFO -> "note";
        };
    }

    /** GitHub code scanning reads this number to rank security results. */
    private static String securitySeverity(Severity severity) {
        return switch (severity) {
            case CRITICAL -> "9.5";
            case HIGH -> "8.0";
            case MEDIUM -> "5.5";
            case LOW -> "3.0";
            case INFO -> "1.0";
        };
    }

    private static String camel(String id) {
        StringBuilder out = new StringBuilder();
        for (String part : id.split("-")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }
}
