package dev.secretsprawl.cli;

import dev.secretsprawl.scan.ScanResult;
import dev.secretsprawl.source.DirectorySource;
import dev.secretsprawl.source.Shard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "dir", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Scans every file under PATH (or the single file PATH) for credentials.",
                "Skips .git, binary files, files over --max-file-size and paths ignored in .sprawl.toml;",
                "follows no symbolic link. Skipped files are counted in the report's warnings."},
        footer = {"%nExamples:",
                "  sprawl scan dir .                                    # human report on stdout",
                "  sprawl scan dir . -f sarif -o sprawl.sarif           # for GitHub code scanning / Jenkins",
                "  sprawl scan dir . -f junit -o sprawl-junit.xml       # one failed test per finding",
                "  sprawl scan dir . --baseline .sprawl-baseline.json   # only what is new",
                "  sprawl scan dir . --fail-on high                     # medium/low findings do not fail"})
final class ScanDirCommand implements Callable<Integer> {
    private final Console console;

    @Parameters(paramLabel = "PATH", description = "Directory or file to scan.")
    Path path;

    @Mixin
    OutputOptions output = new OutputOptions();

    @Mixin
    EngineOptions engine = new EngineOptions();

    @Mixin
    VerifyOptions verify = new VerifyOptions();

    ScanDirCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        if (!Files.exists(path)) {
            throw new UsageError("PATH " + path + " does not exist");
        }
        Path root = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
        ScanSession session = new ScanSession(console, engine, output).verifying(verify).prepare(root);
        DirectorySource source = new DirectorySource(path, session.config(), engine.maxFileSizeBytes(),
                parseShard(engine.shard));
        ScanResult result = session.scan(source, "files", true);
        session.report(result);
        return session.exitCode(result);
    }

    static Shard parseShard(String spec) {
        try {
            return Shard.parse(spec);
        } catch (IllegalArgumentException e) {
            throw new UsageError("--shard: " + e.getMessage());
        }
    }
}
