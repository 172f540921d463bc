package dev.secretsprawl.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Moves hardcoded credentials into a secrets manager and closes the old trust path:",
                "plan (review what goes where), apply (store, validate, rewrite, rotate, revoke, prove the",
                "legacy value dead), status (where each credential stands). Every step is journaled in",
                ".sprawl/ledger.jsonl, which 'sprawl gate' reads."},
        subcommands = {MigratePlanCommand.class, MigrateApplyCommand.class, MigrateStatusCommand.class},
        footer = {"%nA first run with the local encrypted store (no server needed):",
                "  sprawl migrate plan . --output plan.json           # review it: no values inside",
                "  sprawl migrate apply plan.json                      # store + rewrite; legacy stays live",
                "  sprawl migrate apply plan.json --rotate --admin postgres=postgresql://admin@db:5432/postgres",
                "  sprawl migrate status",
                "  sprawl gate ."})
final class MigrateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
