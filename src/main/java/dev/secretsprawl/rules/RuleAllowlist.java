package dev.secretsprawl.rules;

import java.util.List;

/**
 * Per-rule exceptions: {@code regexes} and {@code stopwords} apply to the captured secret,
 * {@code paths} (regexes) to the file path relative to the scan root.
 */
public record RuleAllowlist(List<String> regexes, List<String> stopwords, List<String> paths) {
    public static final RuleAllowlist NONE = new RuleAllowlist(List.of(), List.of(), List.of());

    public RuleAllowlist {
        regexes = regexes == null ? List.of() : List.copyOf(regexes);
        stopwords = stopwords == null ? List.of() : List.copyOf(stopwords);
        paths = paths == null ? List.of() : List.copyOf(paths);
    }
}
