package dev.secretsprawl.cli;

import dev.secretsprawl.scan.ConfigException;
import dev.secretsprawl.scan.ScanResult;
import dev.secretsprawl.source.jenkins.JenkinsHttp;
import dev.secretsprawl.source.jenkins.JenkinsInstanceSource;
import dev.secretsprawl.source.jenkins.JenkinsScanOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.net.URI;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;

@Command(name = "jenkins", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Scans a whole Jenkins instance over its REST API: the config.xml of every",
                "job and folder (folders, multibranch projects and organisation folders are",
                "walked) and the console text of each job's last --builds builds. Findings",
                "point at the URL of the job's config.xml or the build's consoleText.",
                "",
                "Logs in as --user with an API token read from the environment variable",
                "named by --token-env (never from the command line); with neither, reads",
                "anonymously. The user needs Overall/Read, Job/Read, and Job/ExtendedRead",
                "for config.xml. Jobs it may not read (HTTP 403) or that vanish during the",
                "scan (404) are skipped and counted in the warnings; a rejected login (401)",
                "stops before the scan with exit code 2."},
        footer = {"%nExamples:",
                "  export JENKINS_USER=sprawl-bot JENKINS_API_TOKEN=...   # from a vault",
                "  sprawl scan jenkins --url https://jenkins.example.com/",
                "  sprawl scan jenkins --url https://ci.example.com/jenkins/ \\",
                "      --folder team-a --builds 20 -f sarif -o jenkins.sarif",
                "  BOT_TOKEN=... sprawl scan jenkins --url https://jenkins.example.com/ \\",
                "      --user bot --token-env BOT_TOKEN",
                "  sprawl scan jenkins --url https://jenkins.example.com/ --builds 0",
                "      # job configurations only",
                "  sprawl scan jenkins --url https://jenkins.example.com/ --shard 2/4",
                "      # this agent's quarter of the jobs (by full name)"})
final class ScanJenkinsCommand implements Callable<Integer> {
    static final String DEFAULT_TOKEN_ENV = "JENKINS_API_TOKEN";
    /** Reads environment variables; tests replace it, as a JVM cannot set its own environment. */
    static UnaryOperator<String> environment = System::getenv;

    private final Console console;

    @Option(names = "--url", required = true, paramLabel = "URL",
            description = "The Jenkins root URL (with its context path, e.g. https://ci.example.com/jenkins/).")
    String url;

    @Option(names = "--user", paramLabel = "NAME", defaultValue = "${env:JENKINS_USER}",
            description = "Jenkins user the API token belongs to. Default: the JENKINS_USER environment variable.")
    String user;

    @Option(names = "--token-env", paramLabel = "VAR",
            description = "Environment variable holding the user's API token. Default: " + DEFAULT_TOKEN_ENV + ".")
    String tokenEnv;

    @Option(names = "--builds", paramLabel = "N", defaultValue = "5",
            description = "Console logs of the last N builds of each job (0-100; 0: configurations only). Default: ${DEFAULT-VALUE}.")
    int builds = 5;

    @Option(names = "--folder", paramLabel = "PATH",
            description = "Scan only under this folder, by full name (e.g. team-a/services). Default: the whole instance.")
    String folder;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "4",
            description = "Jobs read at the same time (concurrent requests to Jenkins). Default: ${DEFAULT-VALUE}.")
    int parallel = 4;

    @Mixin
    OutputOptions output = new OutputOptions();

    @Mixin
    EngineOptions engine = new EngineOptions();

    @Mixin
    VerifyOptions verify = new VerifyOptions();

    ScanJenkinsCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        URI base = base();
        JenkinsHttp.Login login = login();
        if (builds < 0 || builds > JenkinsScanOptions.MAX_BUILDS) {
            throw new UsageError("--builds must be between 0 and " + JenkinsScanOptions.MAX_BUILDS + " (Jenkins lists the last 100), got " + builds);
        }
        if (parallel < 1 || parallel > 32) {
            throw new UsageError("--parallel must be between 1 and 32, got " + parallel);
        }
        ScanSession session = new ScanSession(console, engine, output).verifying(verify).prepare(null);
        JenkinsScanOptions options = new JenkinsScanOptions(builds, folder, ScanDirCommand.parseShard(engine.shard),
                engine.maxFileSizeBytes(), parallel);
        JenkinsInstanceSource source = new JenkinsInstanceSource(new JenkinsHttp(base, login), options);
        try {
            source.connect();
        } catch (ConfigException e) {
            throw login == null ? e : new ConfigException(e.getMessage() + " (user '" + login.user() + "', token from $"
                    + tokenEnvName() + ")", e);
        }
        ScanResult result = session.scan(source, "fragments", true);
        session.report(result);
        return session.exitCode(result);
    }

    private URI base() {
        try {
            return JenkinsHttp.parseBase(url);
        } catch (IllegalArgumentException e) {
            throw new UsageError("--url: " + e.getMessage());
        }
    }

    private String tokenEnvName() {
        return tokenEnv == null ? DEFAULT_TOKEN_ENV : tokenEnv;
    }

    /** A user with a token, or null to read anonymously; half a login is a mistake worth stopping for. */
    private JenkinsHttp.Login login() {
        String token = environment.apply(tokenEnvName());
        boolean hasToken = token != null && !token.isBlank();
        boolean hasUser = user != null && !user.isBlank();
        if (tokenEnv != null && !hasToken) {
            throw new UsageError("--token-env " + tokenEnv + ": that environment variable is not set");
        }
        if (hasUser && !hasToken) {
            throw new UsageError("--user " + user + " needs the user's API token in the environment variable "
                    + tokenEnvName() + " (or name another with --token-env)");
        }
        if (hasToken && !hasUser) {
            throw new UsageError("the API token in $" + tokenEnvName() + " belongs to a user: pass --user or set JENKINS_USER");
        }
        return hasUser ? new JenkinsHttp.Login(user.strip(), token.strip().toCharArray()) : null;
    }
}
