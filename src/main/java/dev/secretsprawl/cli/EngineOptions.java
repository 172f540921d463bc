package dev.secretsprawl.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options that decide what is detected: rules, config, file limits, sharding. */
final class EngineOptions {
    @Option(names = "--rules", paramLabel = "DIR",
            description = "Use the *.toml rule files in DIR instead of the bundled rule pack.")
    Path rules;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Project config (path ignores, extra rules, allowlist). Default: PATH/.sprawl.toml when present.")
    Path config;

    @Option(names = "--max-file-size", paramLabel = "SIZE", defaultValue = "10MB",
            description = "Skip (and count) files larger than this, e.g. 512KB, 10MB. Default: ${DEFAULT-VALUE}.")
    String maxFileSize;

    @Option(names = "--shard", paramLabel = "I/N", defaultValue = "1/1",
            description = "Scan only shard I of N (stable by path), to split a big scan across agents.")
    String shard;

    @Option(names = "--threads", paramLabel = "N",
            description = "Detection threads. Default: the number of cores.")
    Integer threads;

    long maxFileSizeBytes() {
        String s = maxFileSize.strip().toUpperCase(java.util.Locale.ROOT);
        long factor = 1;
        if (s.endsWith("KB") || s.endsWith("K")) {
            factor = 1024;
        } else if (s.endsWith("MB") || s.endsWith("M")) {
            factor = 1024 * 1024;
        } else if (s.endsWith("GB") || s.endsWith("G")) {
            factor = 1024L * 1024 * 1024;
        }
        String digits = s.replaceAll("[KMGB]+$", "").strip();
        try {
            long value = Long.parseLong(digits) * factor;
            if (value <= 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new UsageError("--max-file-size must look like 512KB or 10MB, got '" + maxFileSize + "'");
        }
    }
}
