package dev.secretsprawl.cli;

import dev.secretsprawl.scan.ScanResult;
import dev.secretsprawl.source.log.LogSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;

@Command(name = "log", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Scans a CI build log (a file, or - for standard input) for credentials, as it really is:",
                "colour codes, cursor sequences and Jenkins console notes are removed, timestamp prefixes",
                "(Jenkins timestamper, GitHub Actions, GitLab) and set -x markers are skipped, CRLF is read;",
                "secrets are also found base64-, URL- or JSON-encoded. Findings point at the original line",
                "and column. Any size is read in constant memory; *.gz logs are decompressed on the fly.",
                "The project config is ./.sprawl.toml when present (or --config)."},
        footer = {"%nExamples:",
                "  sprawl scan log build.log",
                "  curl -su \"$USER:$TOKEN\" \"$BUILD_URL/consoleText\" | sprawl scan log - -f sarif -o log.sarif",
                "  sprawl scan log \"$JENKINS_HOME/jobs/app/builds/42/log\" --fail-on high",
                "To hide secrets in a live log instead of reporting them, see 'sprawl mask'."})
final class ScanLogCommand implements Callable<Integer> {
    private final Console console;

    @Parameters(paramLabel = "FILE|-", description = "Log file to scan, or - to read standard input.")
    String file;

    @Mixin
    OutputOptions output = new OutputOptions();

    @Mixin
    EngineOptions engine = new EngineOptions();

    @Mixin
    VerifyOptions verify = new VerifyOptions();

    ScanLogCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        boolean stdin = "-".equals(file);
        Path path = stdin ? null : Path.of(file);
        if (path != null && Files.isDirectory(path)) {
            throw new UsageError("FILE " + file + " is a folder; use 'sprawl scan dir' for folders");
        }
        ScanSession session = new ScanSession(console, engine, output).verifying(verify).prepare(Path.of("."));
        try (InputStream in = stdin ? console.in() : open(path)) {
            LogSource source = new LogSource(in, stdin ? "stdin" : path.getFileName().toString());
            ScanResult result = session.scan(source, "chunks", true);
            session.report(result);
            return session.exitCode(result);
        }
    }

    private static InputStream open(Path path) throws IOException {
        InputStream raw;
        try {
            raw = Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw new UsageError("FILE " + path + " does not exist");
        }
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        return gzip ? new GZIPInputStream(in, 1 << 16) : in;
    }
}
