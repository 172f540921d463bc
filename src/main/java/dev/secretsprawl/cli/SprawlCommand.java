package dev.secretsprawl.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "sprawl",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "Finds hardcoded credentials across CI/CD: source trees, git history, CI build logs; moves them",
                "into a secrets manager, rotates and revokes the old ones, and gates builds until they are dead.",
                "Never prints a secret: reports show a short preview, a keyed hash and a fingerprint."},
        subcommands = {ScanCommand.class, MaskCommand.class, VerifyCommand.class, MigrateCommand.class, GateCommand.class,
                BaselineCommand.class, RulesCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  no findings (at or above --fail-on)", "  1  findings", "  2  usage or configuration error",
                "  3  runtime error",
                "%nExamples:",
                "  sprawl scan dir .",
                "  sprawl scan dir . --format sarif --output sprawl.sarif",
                "  sprawl scan dir . --verify --only-live              # which found credentials still work",
                "  sprawl verify --input sprawl.sarif                  # re-verify an earlier report",
                "  sprawl migrate plan . --to vault:///secret/ci/app --output plan.json",
                "  sprawl migrate apply plan.json --rotate --admin postgres=postgresql://admin@db:5432/postgres",
                "  sprawl gate .                                       # fails while a legacy copy still works",
                "  sprawl baseline create . --output .sprawl-baseline.json",
                "  sprawl scan dir . --baseline .sprawl-baseline.json"})
final class SprawlCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
