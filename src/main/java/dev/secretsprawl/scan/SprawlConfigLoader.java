package dev.secretsprawl.scan;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.secretsprawl.rules.ParseErrors;
import dev.secretsprawl.rules.RuleLoader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code .sprawl.toml}. Every problem names the file, the entry and what to write instead. */
public final class SprawlConfigLoader {
    private static final ObjectMapper TOML = TomlMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private SprawlConfigLoader() {
    }

    /** The explicit file, else {@code ROOT/.sprawl.toml} when present, else an empty config. */
    public static SprawlConfig load(Path explicit, Path root) throws IOException {
        if (explicit != null) {
            if (!Files.isRegularFile(explicit)) {
                throw new ConfigException("config file " + explicit + " does not exist");
            }
            return parse(Files.readString(explicit, StandardCharsets.UTF_8), explicit.toString());
        }
        Path implicit = root == null ? null : root.resolve(SprawlConfig.FILE_NAME);
        if (implicit != null && Files.isRegularFile(implicit)) {
            return parse(Files.readString(implicit, StandardCharsets.UTF_8), implicit.toString());
        }
        return SprawlConfig.EMPTY;
    }

    public static SprawlConfig parse(String toml, String source) {
        RawConfig raw;
        try {
            raw = TOML.readValue(toml, RawConfig.class);
        } catch (JacksonException e) {
            throw new ConfigException(source + ": not a valid config: " + ParseErrors.describe(e)
                    + " (known sections: [paths] ignore, [[rules]], [[allowlist]])", e);
        }
        List<PathGlob> ignore = new ArrayList<>();
        if (raw.paths != null && raw.paths.ignore != null) {
            raw.paths.ignore.forEach(g -> ignore.add(PathGlob.of(g)));
        }
        List<AllowlistEntry> allowlist = new ArrayList<>();
        if (raw.allowlist != null) {
            for (int i = 0; i < raw.allowlist.size(); i++) {
                allowlist.add(entry(raw.allowlist.get(i), source + " [[allowlist]] #" + (i + 1)));
            }
        }
        return new SprawlConfig(source, ignore,
                raw.rules == null ? List.of() : RuleLoader.fromTables(raw.rules, source), allowlist);
    }

    private static AllowlistEntry entry(RawEntry raw, String where) {
        if (raw.fingerprint == null && raw.rule == null && raw.path == null) {
            throw new ConfigException(where + ": say what it allows with `fingerprint`, `rule` and/or `path`");
        }
        List<String> missing = new ArrayList<>();
        if (blank(raw.owner)) {
            missing.add("owner");
        }
        if (blank(raw.reason)) {
            missing.add("reason");
        }
        if (blank(raw.expires)) {
            missing.add("expires");
        }
        if (!missing.isEmpty()) {
            throw new ConfigException(where + ": every allowlist entry needs owner, reason and expires "
                    + "(an exception is a temporary bridge); missing " + String.join(", ", missing));
        }
        LocalDate expires;
        try {
            expires = LocalDate.parse(raw.expires.strip());
        } catch (DateTimeParseException e) {
            throw new ConfigException(where + ": expires must be a date like 2027-03-31, got '" + raw.expires + "'");
        }
        return new AllowlistEntry(raw.fingerprint, raw.rule, raw.path == null ? null : PathGlob.of(raw.path),
                raw.owner.strip(), raw.reason.strip(), expires);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static final class RawConfig {
        @JsonProperty Paths paths;
        @JsonProperty List<RuleLoader.RawRule> rules;
        @JsonProperty List<RawEntry> allowlist;
    }

    static final class Paths {
        @JsonProperty List<String> ignore;
    }

    static final class RawEntry {
        @JsonProperty String fingerprint;
        @JsonProperty String rule;
        @JsonProperty String path;
        @JsonProperty String owner;
        @JsonProperty String reason;
        @JsonProperty String expires;
    }
}
