package dev.secretsprawl.cli;

import dev.secretsprawl.rules.RuleLoader;
import dev.secretsprawl.rules.RulePack;
import dev.secretsprawl.scan.Detector;
import dev.secretsprawl.scan.KnownSecrets;
import dev.secretsprawl.scan.Secret;
import dev.secretsprawl.scan.SecretHasher;
import dev.secretsprawl.scan.SprawlConfig;
import dev.secretsprawl.scan.SprawlConfigLoader;
import dev.secretsprawl.source.log.LogMasker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "mask", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Copies standard input to standard output with every secret replaced by ****. Every line is kept",
                "(the output has as many lines as the input) and each is written as soon as it is masked, so",
                "mask can sit in a live pipe. Masked: everything the rule pack detects, also base64-, URL- or",
                "JSON-encoded and when split by colour codes; every later appearance of a value found once, in",
                "any of those forms; the lines of a private key block as they arrive; and the values of the",
                "environment variables named with --secret-env (e.g. the credentials your job bound).",
                "Exit status: 0, or 3 when the input could not be read or masked (nothing unmasked is written)."},
        footer = {"%nExamples:",
                "  ./build.sh 2>&1 | sprawl mask",
                "  set -o pipefail; ./deploy.sh 2>&1 | java -jar sprawl.jar mask --secret-env DEPLOY_TOKEN | tee deploy.log   # bash",
                "  sprawl mask < raw.log > shareable.log",
                "POSIX sh has no pipefail: keep the build's status in a file, or in Jenkins use the secretSprawlMask",
                "step (plugin-docs/jenkins.md), which does that for you."})
final class MaskCommand implements Callable<Integer> {
    private final Console console;

    @Option(names = "--secret-env", paramLabel = "VAR",
            description = "Also mask the value of this environment variable, in every encoded form (repeatable).")
    List<String> secretEnv = new ArrayList<>();

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Use the *.toml rule files in DIR instead of the bundled rule pack.")
    Path rules;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Project config whose extra rules also apply. Default: ./.sprawl.toml when present.")
    Path config;

    @Option(names = "--threads", paramLabel = "N", description = "Detection threads. Default: the number of cores.")
    Integer threads;

    MaskCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        if (threads != null && threads < 1) {
            throw new UsageError("--threads must be 1 or more, got " + threads);
        }
        KnownSecrets known = new KnownSecrets();
        for (String name : secretEnv) {
            String value = System.getenv(name);
            if (value == null) {
                throw new UsageError("--secret-env " + name + ": that environment variable is not set");
            }
            known.give(new Secret(value));
        }
        SprawlConfig project = SprawlConfigLoader.load(config, Path.of("."));
        RulePack base = rules == null ? RuleLoader.bundled() : RuleLoader.fromDirectory(rules);
        Detector detector = new Detector(base.plus(project.extraRules()), SecretHasher.fromEnvironment());
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        // straight to the file descriptor when writing to the real stdout: PrintStream adds a lock and a copy per call
        OutputStream target = console.out() == System.out ? new FileOutputStream(FileDescriptor.out) : console.out();
        OutputStream out = new BufferedOutputStream(target, 1 << 16);
        new LogMasker(detector, known, workers).mask(console.in(), out);
        out.flush();
        return ExitCodes.CLEAN;
    }
}
