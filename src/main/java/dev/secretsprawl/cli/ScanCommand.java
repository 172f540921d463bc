package dev.secretsprawl.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Scans a source for credentials. Pick the source with a subcommand.",
        subcommands = {ScanDirCommand.class, ScanGitCommand.class, ScanLogCommand.class, ScanJenkinsCommand.class})
final class ScanCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("sprawl scan: name what to scan, e.g. 'sprawl scan dir .'");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
