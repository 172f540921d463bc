package dev.secretsprawl.rules;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Reads and validates rule files; every problem is reported with file, rule id and what to fix. */
public final class RuleLoader {
    /** Lists the bundled rule files; a test checks it names every file under {@code rules/}. */
    public static final String BUNDLED_INDEX = "/dev/secretsprawl/rules/pack/index.txt";
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]*");

    private static final ObjectMapper TOML = TomlMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private RuleLoader() {
    }

    /** The rule pack shipped inside the jar. */
    public static RulePack bundled() {
        List<Rule> rules = new ArrayList<>();
        for (String file : bundledFiles()) {
            String resource = "/dev/secretsprawl/rules/pack/" + file;
            try (InputStream in = RuleLoader.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new InvalidRuleException(file, null, "listed in index.txt but missing from the jar");
                }
                rules.addAll(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new RulePack(rules);
    }

    /** The file names listed in the bundled index, in order. */
    public static List<String> bundledFiles() {
        try (InputStream in = RuleLoader.class.getResourceAsStream(BUNDLED_INDEX)) {
            if (in == null) {
                throw new IllegalStateException("bundled rule index " + BUNDLED_INDEX + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every {@code *.toml} file in {@code dir}: first those listed in its {@code index.txt} (when it has
     * one) in that order, then the rest in name order. Order matters where two rules match one value.
     */
    public static RulePack fromDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InvalidRuleException(dir.toString(), null, "not a directory; --rules takes a folder of *.toml rule files");
        }
        List<Rule> rules = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> tomls = new ArrayList<>(files.filter(p -> p.getFileName().toString().endsWith(".toml")).sorted().toList());
            Path index = dir.resolve("index.txt");
            if (Files.isRegularFile(index)) {
                List<Path> listed = Files.readAllLines(index, StandardCharsets.UTF_8).stream().map(String::strip)
                        .filter(l -> !l.isEmpty() && !l.startsWith("#")).map(dir::resolve).filter(tomls::contains).toList();
                tomls.removeAll(listed);
                tomls.addAll(0, listed);
            }
            if (tomls.isEmpty()) {
                throw new InvalidRuleException(dir.toString(), null, "holds no *.toml rule files");
            }
            for (Path file : tomls) {
                rules.addAll(parse(Files.readString(file, StandardCharsets.UTF_8), file.toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RulePack(rules);
    }

    /** Parses one rule file's text; {@code source} names it in error messages. */
    public static List<Rule> parse(String toml, String source) {
        RuleFile file;
        try {
            file = TOML.readValue(toml, RuleFile.class);
        } catch (JacksonException e) {
            throw new InvalidRuleException(source, "not a valid rule file: " + ParseErrors.describe(e), e);
        }
        if (file.rules == null || file.rules.isEmpty()) {
            throw new InvalidRuleException(source, null, "defines no [[rules]]");
        }
        return file.rules.stream().map(raw -> validate(raw, source)).toList();
    }

    /** Parses the {@code [[rules]]} tables of an already-read document (used for rules in {@code .sprawl.toml}). */
    public static List<Rule> fromTables(List<RawRule> raws, String source) {
        return raws.stream().map(raw -> validate(raw, source)).toList();
    }

    private static Rule validate(RawRule raw, String source) {
        String id = raw.id;
        if (id == null || !ID.matcher(id).matches()) {
            throw new InvalidRuleException(source, id, "id must be lowercase letters, digits and dashes");
        }
        if (raw.description == null || raw.description.isBlank()) {
            throw new InvalidRuleException(source, id, "description is required");
        }
        Pattern pattern = compile(raw.regex, source, id, "regex");
        int group = raw.secretGroup == null ? 0 : raw.secretGroup;
        if (group < 0 || group > pattern.groupCount()) {
            throw new InvalidRuleException(source, id, "secretGroup " + group + " but the regex has "
                    + pattern.groupCount() + " groups");
        }
        List<String> keywords = raw.keywords == null ? List.of() : raw.keywords;
        for (String keyword : keywords) {
            if (keyword.isEmpty() || keyword.length() > 255 || !keyword.equals(keyword.toLowerCase(Locale.ROOT))
                    || !keyword.chars().allMatch(c -> c < 128 && c != '\n')) {
                throw new InvalidRuleException(source, id, "keyword '" + keyword
                        + "' must be lowercase ASCII, 1 to 255 characters, on one line");
            }
        }
        if (keywords.isEmpty() && (raw.keywordsWaiver == null || raw.keywordsWaiver.isBlank())) {
            throw new InvalidRuleException(source, id, "needs keywords for the prefilter, or keywordsWaiver saying why not");
        }
        if (raw.path != null) {
            Pattern path = compile(raw.path, source, id, "path");
            if (raw.examplePath == null || !path.matcher(raw.examplePath).find()) {
                throw new InvalidRuleException(source, id, "a rule limited by `path` needs an `examplePath` that the path regex finds");
            }
        }
        if (Boolean.TRUE.equals(raw.anchored) && (keywords.isEmpty() || Boolean.TRUE.equals(raw.multiline))) {
            throw new InvalidRuleException(source, id, "anchored rules start at a keyword: they need keywords and cannot be multiline");
        }
        if (raw.keyName != null) {
            compile(raw.keyName, source, id, "keyName");
        }
        List<String> requires = raw.requires == null ? List.of() : raw.requires;
        for (String literal : requires) {
            if (literal.isEmpty() || !literal.equals(literal.toLowerCase(Locale.ROOT)) || literal.contains("\n")) {
                throw new InvalidRuleException(source, id, "required literal '" + literal + "' must be lowercase, non-empty, on one line");
            }
            if (raw.match != null && raw.match.stream().anyMatch(m -> !m.toLowerCase(Locale.ROOT).contains(literal))) {
                throw new InvalidRuleException(source, id, "every `match` example must contain the required literal '" + literal + "'");
            }
        }
        RuleAllowlist allowlist = raw.allowlist == null ? RuleAllowlist.NONE : raw.allowlist;
        allowlist.regexes().forEach(r -> compile(r, source, id, "allowlist.regexes"));
        allowlist.paths().forEach(r -> compile(r, source, id, "allowlist.paths"));
        Severity severity;
        try {
            severity = raw.severity == null ? Severity.HIGH : Severity.parse(raw.severity);
        } catch (IllegalArgumentException e) {
            throw new InvalidRuleException(source, id, e.getMessage());
        }
        if (raw.match == null || raw.match.isEmpty() || raw.nomatch == null || raw.nomatch.isEmpty()) {
            throw new InvalidRuleException(source, id, "needs at least one `match` and one `nomatch` example");
        }
        return new Rule(id, raw.description.strip(), raw.regex, group, keywords, raw.keywordsWaiver,
                raw.entropy, raw.path, Boolean.TRUE.equals(raw.generic), Boolean.TRUE.equals(raw.multiline), Boolean.TRUE.equals(raw.anchored), raw.checksum, raw.issuer, severity,
                allowlist, raw.match, raw.nomatch, raw.examplePath, raw.keyName, requires, source);
    }

    private static Pattern compile(String regex, String source, String id, String field) {
        if (regex == null || regex.isEmpty()) {
            throw new InvalidRuleException(source, id, field + " is required");
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new InvalidRuleException(source, id, field + " is not valid re2j syntax (no lookaround or "
                    + "backreferences): " + e.getMessage());
        }
    }

    /** The TOML shape of a rule file. */
    static final class RuleFile {
        @JsonProperty("rules")
        List<RawRule> rules;
    }

    /** The TOML shape of one rule, before validation. */
    public static final class RawRule {
        @JsonProperty public String id;
        @JsonProperty public String description;
        @JsonProperty public String regex;
        @JsonProperty public Integer secretGroup;
        @JsonProperty public List<String> keywords;
        @JsonProperty public String keywordsWaiver;
        @JsonProperty public Double entropy;
        @JsonProperty public String path;
        @JsonProperty public Boolean generic;
        @JsonProperty public Boolean multiline;
        @JsonProperty public Boolean anchored;
        @JsonProperty public List<String> requires;
        @JsonProperty public String checksum;
        @JsonProperty public String issuer;
        @JsonProperty public String severity;
        @JsonProperty public RuleAllowlist allowlist;
        @JsonProperty public List<String> match;
        @JsonProperty public List<String> nomatch;
        @JsonProperty public String examplePath;
        @JsonProperty public String keyName;
    }
}
