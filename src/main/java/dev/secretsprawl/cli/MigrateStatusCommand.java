package dev.secretsprawl.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.secretsprawl.migrate.CredentialHistory;
import dev.secretsprawl.migrate.ledger.Ledger;
import dev.secretsprawl.migrate.ledger.LedgerRecord;
import dev.secretsprawl.migrate.ledger.Step;
import dev.secretsprawl.report.Terminal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "status", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Shows where each credential of the ledger stands: its stage, how long its migration has",
                "been open, the last failure and the next thing to do. Reads the ledger only; checks its hash",
                "chain (exit 3 when it was changed by hand). Exit 0 otherwise."},
        footer = {"%nExamples:", "  sprawl migrate status", "  sprawl migrate status ~/src/app --format json"})
final class MigrateStatusCommand implements Callable<Integer> {
    private final Console console;

    @Parameters(index = "0", paramLabel = "PATH", defaultValue = ".", description = "The migrated tree. Default: the current folder.")
    Path path = Path.of(".");

    @Option(names = "--ledger", paramLabel = "FILE", description = "The ledger. Default: PATH/.sprawl/ledger.jsonl.")
    Path ledgerFile;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text", description = "text or json. Default: ${DEFAULT-VALUE}.")
    String format = "text";

    MigrateStatusCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        if (!List.of("text", "json").contains(format)) {
            throw new UsageError("unknown format '" + format + "'; use text or json");
        }
        Path file = ledgerFile != null ? ledgerFile : path.resolve(Ledger.DEFAULT);
        if (!Files.exists(file)) {
            console.err().println("No ledger at " + file + ": nothing was migrated here yet. Start with: sprawl migrate plan "
                    + path + " --output plan.json");
            return ExitCodes.CLEAN;
        }
        List<CredentialHistory> histories = List.copyOf(CredentialHistory.all(Ledger.open(file)).values());
        Instant now = Instant.now();
        if ("json".equals(format)) {
            console.out().println(json(histories, now));
        } else {
            console.out().print(text(histories, now));
        }
        return ExitCodes.CLEAN;
    }

    static String next(CredentialHistory h) {
        if (h.pendingFailure().isPresent()) {
            return "fix: " + h.pendingFailure().get().text("reason");
        }
        return switch (h.stage()) {
            case CLOSED -> "nothing: the legacy value is proven dead";
            case REISSUE_TASK -> h.last(Step.REISSUE_TASK).map(r -> "re-issue by " + r.text("owner")
                    + (r.text("deadline").isEmpty() ? "" : " before " + r.text("deadline"))
                    + ", or run apply --rotate").orElse("");
            default -> "run sprawl migrate apply again";
        };
    }

    private static String text(List<CredentialHistory> histories, Instant now) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%-24s %-26s %-13s %-8s %s%n", "CREDENTIAL", "MIGRATION", "STAGE", "AGE", "NEXT"));
        for (CredentialHistory h : histories) {
            out.append(String.format("%-24s %-26s %-13s %-8s %s%n", Terminal.safe(h.credential()), Terminal.safe(h.migration()),
                    h.pendingFailure().isPresent() ? "failed" : h.stage().label(), age(Duration.between(h.started(), now)),
                    Terminal.safe(next(h))));
        }
        long open = histories.stream().filter(h -> h.stage() != Step.CLOSED).count();
        out.append(histories.size()).append(" credential(s), ").append(open).append(" not closed\n");
        return out.toString();
    }

    private static String json(List<CredentialHistory> histories, Instant now) throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        ArrayNode list = root.putArray("credentials");
        for (CredentialHistory h : histories) {
            ObjectNode n = list.addObject();
            n.put("credential", h.credential());
            n.put("migration", h.migration());
            n.put("stage", h.pendingFailure().isPresent() ? "failed" : h.stage().label());
            n.put("startedAt", h.started().toString());
            n.put("lastChangeAt", h.lastChange().toString());
            n.put("ageSeconds", Duration.between(h.started(), now).toSeconds());
            n.put("next", next(h));
            ArrayNode steps = n.putArray("steps");
            for (LedgerRecord r : h.records()) {
                steps.addObject().put("step", r.step().label()).put("at", r.at().toString());
            }
        }
        return mapper.writeValueAsString(root);
    }

    static String age(Duration d) {
        if (d.toDays() > 0) {
            return d.toDays() + "d";
        }
        if (d.toHours() > 0) {
            return d.toHours() + "h";
        }
        return Math.max(0, d.toMinutes()) + "m";
    }
}
