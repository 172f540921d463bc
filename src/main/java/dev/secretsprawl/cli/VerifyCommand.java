package dev.secretsprawl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.secretsprawl.report.SarifReport;
import dev.secretsprawl.report.Terminal;
import dev.secretsprawl.scan.AtomicFile;
import dev.secretsprawl.scan.Detector;
import dev.secretsprawl.scan.Finding;
import dev.secretsprawl.scan.Fragment;
import dev.secretsprawl.source.LocationReader;
import dev.secretsprawl.verify.Credential;
import dev.secretsprawl.verify.Verification;
import dev.secretsprawl.verify.VerificationService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.Writer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Re-verifies the findings of an earlier SARIF report without rescanning: reads each secret again",
                "at its reported place (the file under --root, or the file at the finding's commit for history",
                "findings), matches it by fingerprint and asks its issuer whether it still works.",
                "Exit 1 when any credential is live, 0 when none is, 2 for usage errors, 3 when the report",
                "cannot be read. Findings hashed with another SPRAWL_HASH_KEY cannot be matched."},
        footer = {"%nExamples:",
                "  sprawl verify --input sprawl.sarif                          # table of live/dead/unknown",
                "  sprawl verify --input sprawl.sarif -f sarif -o checked.sarif  # the report, annotated",
                "  sprawl verify --input history.sarif --root ~/src/app        # history findings of a repository"})
final class VerifyCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Console console;

    @Option(names = {"-i", "--input"}, required = true, paramLabel = "FILE",
            description = "A SARIF report written by 'sprawl scan ... -f sarif'.")
    Path input;

    @Option(names = "--root", paramLabel = "DIR", defaultValue = ".",
            description = "The folder (or repository) the report's paths are relative to. Default: the current folder.")
    Path root = Path.of(".");

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text (a table), json, or sarif (the input report with properties.verification set). Default: ${DEFAULT-VALUE}.")
    String format = "text";

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of stdout.")
    Path output;

    @Mixin
    EngineOptions engine = new EngineOptions();

    @Mixin
    VerifyOptions verify = new VerifyOptions();

    VerifyCommand(Console console) {
        this.console = console;
    }

    /** A result of the report and what its issuer said. */
    private record Answer(Reported reported, Verification verification) {
    }

    /** One result of the report: where it is, what identifies it, and its node to annotate. */
    private record Reported(ObjectNode node, String ruleId, String path, int line, String fingerprint, String commit) {
        String where() {
            return path + ":" + line;
        }
    }

    @Override
    public Integer call() throws Exception {
        if (!List.of("text", "json", "sarif").contains(format)) {
            throw new UsageError("unknown format '" + format + "'; use text, json or sarif");
        }
        if (!Files.isRegularFile(input)) {
            throw new UsageError("--input " + input + " does not exist or is not a file");
        }
        if (output != null) {
            ScanSession.checkWritable(output);
        }
        verify.verify = true;
        ObjectNode sarif = readSarif();
        List<Reported> reported = results(sarif);
        ScanSession session = new ScanSession(console, engine, null).verifying(verify).prepare(root);
        Detector detector = session.detector();
        List<Answer> answers = new ArrayList<>();
        try (LocationReader reader = new LocationReader(root, engine.maxFileSizeBytes());
             VerificationService service = verify.service()) {
            Map<String, List<Finding>> detected = new LinkedHashMap<>();
            for (Reported r : reported) {
                answers.add(new Answer(r, check(r, reader, detector, service, detected)));
            }
        }
        for (Answer a : answers) {
            ObjectNode props = a.reported().node().get("properties") instanceof ObjectNode p ? p
                    : a.reported().node().putObject("properties");
            props.put(VerificationService.PROPERTY, a.verification().status().label());
            props.put(VerificationService.DETAIL_PROPERTY, a.verification().detail());
        }
        write(sarif, answers);
        long live = answers.stream().filter(a -> a.verification().isLive()).count();
        return live > 0 ? ExitCodes.FINDINGS : ExitCodes.CLEAN;
    }

    private ObjectNode readSarif() {
        try {
            JsonNode node = JSON.readTree(input.toFile());
            if (node instanceof ObjectNode o && o.path("runs").isArray()) {
                return o;
            }
        } catch (IOException e) {
            throw new UsageError("--input " + input + " is not a SARIF report (not JSON)");
        }
        throw new UsageError("--input " + input + " is not a SARIF report (no runs)");
    }

    private static List<Reported> results(ObjectNode sarif) {
        List<Reported> out = new ArrayList<>();
        for (JsonNode run : sarif.path("runs")) {
            for (JsonNode node : run.path("results")) {
                if (!(node instanceof ObjectNode result)) {
                    continue;
                }
                JsonNode physical = result.path("locations").path(0).path("physicalLocation");
                String uri = physical.path("artifactLocation").path("uri").asText("");
                String path = uri.startsWith("http://") || uri.startsWith("https://") ? uri
                        : URLDecoder.decode(uri.replace("+", "%2B"), StandardCharsets.UTF_8);
                JsonNode prints = result.path("partialFingerprints");
                out.add(new Reported(result, result.path("ruleId").asText(""), path,
                        physical.path("region").path("startLine").asInt(0),
                        prints.path(SarifReport.FINGERPRINT_KEY).asText(""),
                        prints.hasNonNull("commitSha") ? prints.get("commitSha").asText() : null));
            }
        }
        return out;
    }

    private static Verification check(Reported r, LocationReader reader, Detector detector, VerificationService service,
                                      Map<String, List<Finding>> detected) throws IOException, InterruptedException {
        if (r.path().startsWith("http://") || r.path().startsWith("https://")) {
            return Verification.unknown("the finding is on a server, not in a file: scan it again with --verify");
        }
        String key = r.commit() + "|" + r.path();
        if (!detected.containsKey(key)) {
            Optional<String> text = reader.read(r.path(), r.commit());
            detected.put(key, text.map(t -> detector.detect(Fragment.of(t, r.path()))).orElse(null));
        }
        List<Finding> findings = detected.get(key);
        if (findings == null) {
            return Verification.unknown(r.commit() == null ? "the file is no longer there" : "the file cannot be read at its commit");
        }
        Optional<Finding> same = findings.stream().filter(f -> f.fingerprint().value().equals(r.fingerprint())).findFirst();
        if (same.isEmpty()) {
            return Verification.unknown("the secret is no longer at its reported place");
        }
        return service.verify(Credential.of(same.get()), same.get().secretHash());
    }

    private void write(ObjectNode sarif, List<Answer> answers) throws IOException {
        if (output == null) {
            Writer out = new java.io.OutputStreamWriter(console.out(), StandardCharsets.UTF_8);
            render(sarif, answers, out);
            out.flush();
        } else {
            AtomicFile.write(output, out -> render(sarif, answers, out));
        }
        if (!"text".equals(format) || output != null) {
            console.err().println(summary(answers) + (output == null ? "" : " Report: " + output));
        }
    }

    private void render(ObjectNode sarif, List<Answer> answers, Writer out) throws IOException {
        switch (format) {
            case "sarif" -> out.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(sarif) + "\n");
            case "json" -> {
                ObjectNode root = JSON.createObjectNode();
                ArrayNode list = root.putArray("findings");
                answers.forEach(a -> {
                    Reported r = a.reported();
                    Verification v = a.verification();
                    ObjectNode n = list.addObject();
                    n.put("ruleId", r.ruleId());
                    n.put("path", r.path());
                    n.put("line", r.line());
                    if (r.commit() != null) {
                        n.put("commit", r.commit());
                    }
                    n.put("fingerprint", r.fingerprint());
                    n.put("verification", v.status().label());
                    n.put("verificationDetail", v.detail());
                });
                root.put("summary", summary(answers));
                out.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
            }
            default -> {
                for (Answer a : answers) {
                    Reported r = a.reported();
                    out.write(String.format(Locale.ROOT, "%-8s %-28s %s%s%n         %s%n",
                            a.verification().status().label().toUpperCase(Locale.ROOT), r.ruleId(), Terminal.safe(r.where()),
                            r.commit() == null ? "" : " @ " + r.commit().substring(0, Math.min(12, r.commit().length())),
                            Terminal.safe(a.verification().detail())));
                }
                out.write(summary(answers) + "\n");
            }
        }
    }

    private static String summary(List<Answer> answers) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Verification.Status s : Verification.Status.values()) {
            counts.put(s.label(), answers.stream().filter(a -> a.verification().status() == s).count());
        }
        return answers.size() + " finding" + (answers.size() == 1 ? "" : "s") + " verified: " + counts.get("live") + " live, "
                + counts.get("dead") + " dead, " + counts.get("unknown") + " unknown.";
    }

}
