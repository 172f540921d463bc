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
    String maxFileSize = "10MB";

    @Option(names = "--shard", paramLabel = "I/N", defaultValue = "1/1",
            description = "Scan only shard I of N (stable by path), to split a big scan across agents.")
    String shard = "1/1";

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
        long value;
        try {
            value = Math.multiplyExact(Long.parseLong(digits), factor);
        } catch (NumberFormatException e) {
            throw new UsageError("--max-file-size must look like 512KB or 10MB, got '" + maxFileSize + "'");
        } catch (ArithmeticException e) {
            value = Long.MAX_VALUE;
        }
        if (value <= 0) {
            throw new UsageError("--max-file-size must be positive, got '" + maxFileSize + "'");
        }
        // files are read whole into memory; beyond 1 GB use a smaller limit and scan huge files another way
        if (value > 1024L * 1024 * 1024) {
            throw new UsageError("--max-file-size can be at most 1GB, got '" + maxFileSize + "'");
        }
        return value;
    }

    int threadCount() {
        if (threads != null && threads < 1) {
            throw new UsageError("--threads must be 1 or more, got " + threads);
        }
        return threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    }
}
