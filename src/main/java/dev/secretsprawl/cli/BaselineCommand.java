package dev.secretsprawl.cli;

import dev.secretsprawl.scan.Baseline;
import dev.secretsprawl.scan.ScanResult;
import dev.secretsprawl.source.DirectorySource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "baseline", mixinStandardHelpOptions = true,
        description = {"Records today's findings by fingerprint so later scans report only new ones.",
                "A baseline holds no secret: fingerprint, rule, path and line only."},
        subcommands = {BaselineCommand.Create.class, BaselineCommand.Update.class})
final class BaselineCommand implements Callable<Integer> {
    static final String DEFAULT_FILE = ".sprawl-baseline.json";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("sprawl baseline: use 'create' or 'update'");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /** Shared by create and update: scans PATH with config and allowlist but without any baseline. */
    abstract static class Base implements Callable<Integer> {
        final Console console;

        @Parameters(paramLabel = "PATH", description = "Directory to scan.")
        Path path;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE",
                description = "Baseline file to write. Default: " + DEFAULT_FILE + " in the current directory.")
        Path file;

        @Mixin
        EngineOptions engine = new EngineOptions();

        Base(Console console) {
            this.console = console;
        }

        ScanResult scan() throws Exception {
            if (!Files.isDirectory(path)) {
                throw new UsageError("PATH " + path + " is not a directory");
            }
            ScanSession session = new ScanSession(console, engine, null).prepare(path);
            return session.scan(new DirectorySource(path, session.config(), engine.maxFileSizeBytes(),
                    ScanDirCommand.parseShard(engine.shard)), "files", false);
        }

        Path target() {
            return file == null ? Path.of(DEFAULT_FILE) : file;
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Scans PATH and writes every finding's fingerprint to a new baseline.",
            footer = {"%nExample:", "  sprawl baseline create . && sprawl scan dir . --baseline " + DEFAULT_FILE})
    static final class Create extends Base {
        @Option(names = "--force", description = "Overwrite an existing baseline file.")
        boolean force;

        Create(Console console) {
            super(console);
        }

        @Override
        public Integer call() throws Exception {
            if (Files.exists(target()) && !force) {
                throw new UsageError(target() + " exists; use 'sprawl baseline update' or --force");
            }
            ScanResult result = scan();
            Baseline.of(result.findings()).write(target());
            console.err().println("Baseline " + target() + " written with " + Baseline.of(result.findings()).entries().size()
                    + " fingerprint(s).");
            return ExitCodes.CLEAN;
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true,
            description = {"Rescans PATH and rewrites the baseline: fingerprints no longer found are dropped,",
                    "new findings are added. Review the diff of the baseline file before committing it."})
    static final class Update extends Base {
        Update(Console console) {
            super(console);
        }

        @Override
        public Integer call() throws Exception {
            Baseline old = ScanSession.readBaseline(target());
            Baseline updated = Baseline.of(scan().findings());
            Set<String> added = new HashSet<>(updated.fingerprints());
            added.removeAll(old.fingerprints());
            Set<String> removed = new HashSet<>(old.fingerprints());
            removed.removeAll(updated.fingerprints());
            updated.write(target());
            console.err().println("Baseline " + target() + " updated: " + added.size() + " added, " + removed.size()
                    + " removed, " + updated.entries().size() + " in all.");
            return ExitCodes.CLEAN;
        }
    }
}
