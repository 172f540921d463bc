package dev.secretsprawl.scan;

import dev.secretsprawl.rules.Rule;

import java.util.List;

/**
 * A project's {@code .sprawl.toml}: paths to ignore, extra rules, and owned, expiring allowlist entries.
 */
public record SprawlConfig(String source, List<PathGlob> ignore, List<Rule> extraRules, List<AllowlistEntry> allowlist) {
    public static final String FILE_NAME = ".sprawl.toml";
    public static final SprawlConfig EMPTY = new SprawlConfig("(none)", List.of(), List.of(), List.of());

    public SprawlConfig {
        ignore = List.copyOf(ignore);
        extraRules = List.copyOf(extraRules);
        allowlist = List.copyOf(allowlist);
    }

    public boolean ignored(String relativePath) {
        return ignore.stream().anyMatch(g -> g.matches(relativePath));
    }
}
