package dev.secretsprawl.cli;

import dev.secretsprawl.scan.ScanResult;
import dev.secretsprawl.source.git.GitHistorySource;
import dev.secretsprawl.source.git.GitScanOptions;
import dev.secretsprawl.source.git.RemoteClone;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ProgressMonitor;
import org.eclipse.jgit.lib.TextProgressMonitor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "git", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Scans the whole history of a git repository: every commit reachable from any ref (branches, tags,",
                "remote-tracking and pull-request refs, the stash), including files deleted since and unmerged branches.",
                "Each secret is reported once, at the commit that added it, with its author and date; the same",
                "secret added on several branches is one finding with several locations.",
                "PATH is a work tree (or any folder in one) or a bare repository; a URL is mirror-cloned to a",
                "temporary folder first (https with --token-env, ssh with your ~/.ssh keys and known_hosts).",
                "Missing objects (partial, shallow or pruned clones) are skipped, counted and warned about."},
        footer = {"%nExamples:",
                "  sprawl scan git .                                        # every ref of this repository",
                "  sprawl scan git . --branch main -f sarif -o history.sarif",
                "  sprawl scan git . --since-commit \"$GIT_PREVIOUS_SUCCESSFUL_COMMIT\"   # only what is new",
                "  GIT_TOKEN=... sprawl scan git https://github.com/acme/app.git --token-env GIT_TOKEN",
                "  sprawl scan git git@gitlab.com:acme/app.git --max-blob-size 2MB"})
final class ScanGitCommand implements Callable<Integer> {
    private final Console console;

    @Parameters(paramLabel = "PATH|URL", description = "Repository folder, or a clone URL (https://, ssh://, git@host:path, file://).")
    String target;

    @Option(names = "--branch", paramLabel = "REF",
            description = "Scan only the history of this branch, tag, ref or commit. Default: every ref.")
    String branch;

    @Option(names = "--since-commit", paramLabel = "SHA",
            description = "Scan only commits this commit does not contain, e.g. the last scanned one.")
    String sinceCommit;

    @Option(names = "--max-blob-size", paramLabel = "SIZE",
            description = "Skip (and count) file versions larger than this. Same as --max-file-size. Default: 10MB.")
    String maxBlobSize;

    @Option(names = "--token-env", paramLabel = "VAR",
            description = "Environment variable holding an access token for an https URL (never pass tokens as arguments).")
    String tokenEnv;

    @Option(names = "--user", paramLabel = "NAME", defaultValue = "x-access-token",
            description = "User name sent with the token. GitHub and GitLab accept any; Bitbucket needs yours. Default: ${DEFAULT-VALUE}.")
    String user = "x-access-token";

    @Mixin
    OutputOptions output = new OutputOptions();

    @Mixin
    EngineOptions engine = new EngineOptions();

    @Mixin
    VerifyOptions verify = new VerifyOptions();

    ScanGitCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        if (maxBlobSize != null) {
            engine.maxFileSize = maxBlobSize;
        }
        boolean remote = RemoteClone.isUrl(target);
        char[] token = token();
        if (!remote && !Files.isDirectory(Path.of(target))) {
            throw new UsageError("PATH " + target + " is not a folder (nor a URL such as https://host/owner/repo.git)");
        }
        // a local work tree's .sprawl.toml applies; a remote one's only when passed with --config
        ScanSession session = new ScanSession(console, engine, output).verifying(verify).prepare(remote ? null : Path.of(target));
        GitScanOptions options = new GitScanOptions(branch, sinceCommit, engine.maxFileSizeBytes(), engine.threadCount(),
                session.config(), ScanDirCommand.parseShard(engine.shard));
        if (!remote) {
            try (GitHistorySource source = GitHistorySource.open(Path.of(target), options)) {
                return scan(session, source);
            }
        }
        try (RemoteClone clone = RemoteClone.of(target, user, token, null, cloneProgress());
             GitHistorySource source = GitHistorySource.open(clone.directory(), options, clone.displayUrl())) {
            return scan(session, source);
        }
    }

    private int scan(ScanSession session, GitHistorySource source) throws IOException {
        ScanResult result = session.scan(source, "hunks", true);
        session.report(result);
        return session.exitCode(result);
    }

    private char[] token() {
        if (tokenEnv == null) {
            return null;
        }
        String value = System.getenv(tokenEnv);
        if (value == null || value.isBlank()) {
            throw new UsageError("--token-env " + tokenEnv + ": that environment variable is not set");
        }
        return value.strip().toCharArray();
    }

    private ProgressMonitor cloneProgress() {
        if (output.quiet || !console.interactive()) {
            return NullProgressMonitor.INSTANCE;
        }
        return new TextProgressMonitor(new OutputStreamWriter(console.err(), StandardCharsets.UTF_8));
    }
}
