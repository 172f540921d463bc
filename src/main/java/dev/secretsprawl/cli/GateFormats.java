package dev.secretsprawl.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.secretsprawl.gate.GateReport;
import dev.secretsprawl.gate.GateRow;
import dev.secretsprawl.gate.GateRow.Kind;
import dev.secretsprawl.gate.GateRow.Verdict;
import dev.secretsprawl.report.Terminal;
import dev.secretsprawl.report.Xml;

import java.util.List;
import java.util.Locale;

/** The gate's report in each format CI systems read: a table, JSON, JUnit XML, SARIF 2.1.0, HTML. */
final class GateFormats {
    public static final List<String> FORMATS = List.of("text", "json", "junit", "sarif", "html");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private GateFormats() {
    }

    public static String render(GateReport report, String format, String toolVersion) {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "text" -> text(report);
            case "json" -> json(report);
            case "junit" -> junit(report);
            case "sarif" -> sarif(report, toolVersion);
            case "html" -> html(report);
            default -> throw new IllegalArgumentException("unknown format '" + format + "'; use one of " + String.join(", ", FORMATS));
        };
    }

    public static String summary(GateReport report) {
        String verdict = report.passed() ? (report.count(Verdict.WARN) > 0 ? "PASSED with warnings" : "PASSED") : "FAILED";
        String grace = report.cutover() == null ? "" : report.inGrace()
                ? " (problems are warnings until the cutover on " + report.cutover() + ")"
                : " (cutover " + report.cutover() + " has passed: problems fail)";
        return "Secret Sprawl gate " + verdict + ": " + report.count(Verdict.FAIL) + " failing, "
                + report.count(Verdict.WARN) + " warning, " + report.count(Verdict.PASS) + " passing" + grace;
    }

    static String text(GateReport report) {
        StringBuilder out = new StringBuilder();
        int cw = Math.max(10, report.rows().stream().mapToInt(r -> r.credential().length()).max().orElse(0));
        int ww = Math.max(5, report.rows().stream().mapToInt(r -> r.where().length()).max().orElse(0));
        out.append(String.format("%-6s %-18s %-" + cw + "s %-" + ww + "s %s%n", "RESULT", "CHECK", "CREDENTIAL", "WHERE", "DETAIL"));
        for (GateRow r : report.rows()) {
            out.append(String.format("%-6s %-18s %-" + cw + "s %-" + ww + "s %s%n", r.verdict().label(), r.kind().id(),
                    Terminal.safe(r.credential()), Terminal.safe(r.where()), Terminal.safe(r.detail())));
        }
        if (report.rows().isEmpty()) {
            out.append("(no migrated credential and no finding)\n");
        }
        return out.append(summary(report)).append('\n').toString();
    }

    static String json(GateReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("passed", report.passed());
        root.put("cutover", report.cutover() == null ? null : report.cutover().toString());
        root.put("summary", summary(report));
        ArrayNode rows = root.putArray("rows");
        for (GateRow r : report.rows()) {
            ObjectNode n = rows.addObject();
            n.put("result", r.verdict().label());
            n.put("check", r.kind().id());
            n.put("credential", r.credential());
            n.put("path", r.path());
            n.put("line", r.line());
            n.put("detail", r.detail());
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String junit(GateReport report) {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<testsuite name=\"secret-sprawl-gate\" tests=\"").append(report.rows().size())
                .append("\" failures=\"").append(report.count(Verdict.FAIL)).append("\" errors=\"0\" skipped=\"0\">\n");
        for (GateRow r : report.rows()) {
            String name = r.kind().id() + " " + (r.credential().isEmpty() ? r.where() : r.credential() + (r.where().isEmpty() ? "" : " " + r.where()));
            out.append("  <testcase classname=\"sprawl.gate.").append(r.kind().id()).append("\" name=\"")
                    .append(Xml.escape(name)).append("\">");
            if (r.verdict() == Verdict.FAIL) {
                out.append("\n    <failure message=\"").append(Xml.escape(r.kind().description())).append("\">")
                        .append(Xml.escape(r.detail())).append("</failure>\n  ");
            } else if (r.verdict() == Verdict.WARN) {
                out.append("\n    <system-out>warning until the cutover: ").append(Xml.escape(r.detail())).append("</system-out>\n  ");
            }
            out.append("</testcase>\n");
        }
        return out.append("</testsuite>\n").toString();
    }

    static String sarif(GateReport report, String toolVersion) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "secret-sprawl-gate");
        driver.put("version", toolVersion);
        driver.put("informationUri", "https://github.com/secret-sprawl/secret-sprawl");
        ArrayNode rules = driver.putArray("rules");
        for (Kind k : Kind.values()) {
            ObjectNode rule = rules.addObject();
            rule.put("id", "gate/" + k.id());
            rule.putObject("shortDescription").put("text", k.description());
        }
        ArrayNode results = run.putArray("results");
        for (GateRow r : report.rows()) {
            ObjectNode res = results.addObject();
            res.put("ruleId", "gate/" + r.kind().id());
            res.put("level", switch (r.verdict()) {
                case FAIL -> "error";
                case WARN -> "warning";
                case PASS -> "note";
            });
            res.putObject("message").put("text", (r.credential().isEmpty() ? "" : r.credential() + ": ")
                    + r.kind().description() + " - " + r.detail());
            if (!r.path().isEmpty()) {
                ObjectNode physical = res.putArray("locations").addObject().putObject("physicalLocation");
                physical.putObject("artifactLocation").put("uri", dev.secretsprawl.report.SarifReport.uri(r.path()));
                if (r.line() > 0) {
                    physical.putObject("region").put("startLine", r.line());
                }
            }
            res.putObject("properties").put("credential", r.credential()).put("result", r.verdict().label());
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String html(GateReport report) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Secret Sprawl gate</title><style>body{font-family:sans-serif}table{border-collapse:collapse}"
                + "td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}.fail{color:#b00020}.warn{color:#a66300}"
                + ".pass{color:#1b5e20}</style></head><body>\n");
        out.append("<h1>").append(Xml.escape(summary(report))).append("</h1>\n<table><tr><th>Result</th><th>Check</th>"
                + "<th>Credential</th><th>Where</th><th>Detail</th></tr>\n");
        for (GateRow r : report.rows()) {
            out.append("<tr class=\"").append(r.verdict().label()).append("\"><td>").append(r.verdict().label())
                    .append("</td><td>").append(r.kind().id()).append("</td><td>").append(Xml.escape(r.credential()))
                    .append("</td><td>").append(Xml.escape(r.where())).append("</td><td>").append(Xml.escape(r.detail()))
                    .append("</td></tr>\n");
        }
        return out.append("</table></body></html>\n").toString();
    }
}
