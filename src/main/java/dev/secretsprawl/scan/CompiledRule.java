package dev.secretsprawl.scan;

import com.google.re2j.Pattern;
import dev.secretsprawl.rules.Rule;

import java.util.List;
import java.util.Locale;

/** A rule with its patterns compiled once. */
record CompiledRule(Rule rule, Pattern pattern, Pattern path, List<Pattern> allowRegexes,
                    List<Pattern> allowPaths, List<String> stopwords) {

    static CompiledRule of(Rule rule) {
        if (rule.checksum() != null && !Checksums.names().contains(rule.checksum())) {
            throw new IllegalArgumentException(rule.source() + " [" + rule.id() + "]: unknown checksum '"
                    + rule.checksum() + "'; known: " + Checksums.names());
        }
        return new CompiledRule(rule,
                Pattern.compile(rule.regex()),
                rule.path() == null ? null : Pattern.compile(rule.path()),
                rule.allowlist().regexes().stream().map(Pattern::compile).toList(),
                rule.allowlist().paths().stream().map(Pattern::compile).toList(),
                rule.allowlist().stopwords().stream().map(s -> s.toLowerCase(Locale.ROOT)).toList());
    }

    boolean appliesTo(String filePath) {
        if (path != null && !path.matcher(filePath).find()) {
            return false;
        }
        return allowPaths.stream().noneMatch(p -> p.matcher(filePath).find());
    }
}
