package dev.secretsprawl.rules;

import java.util.List;

/**
 * One detection rule as written in {@code rules/*.toml}.
 *
 * @param id             stable identifier, used in reports, baselines and fingerprints
 * @param regex          re2j syntax (linear time)
 * @param secretGroup    capture group holding the secret; 0 means the whole match
 * @param keywords       lowercase literals; the rule's regex runs only when one occurs in the text
 * @param keywordsWaiver why the rule has no keywords (required when {@code keywords} is empty)
 * @param entropy        minimum Shannon entropy (bits per character) of the secret, or null
 * @param path           optional regex: the rule applies only to paths it finds
 * @param generic        true for assignment-style rules, which get the extra filters for code references
 * @param multiline      true when a match can span lines; other rules run only on the lines holding a keyword
 * @param anchored       true when every match starts exactly where one of the rule's keywords starts; the
 *                       regex is then tried only at those positions (much cheaper for common keywords)
 * @param checksum       name of an issuer checksum the secret must satisfy, or null
 * @param issuer         links the rule to a verifier, rotator and revoker
 * @param examplePath    the file path the examples are checked under (for rules limited by {@code path})
 * @param keyName        optional regex the whole key name in front of the match must satisfy ({@code db_password})
 * @param requires       lowercase literals that every match's line contains (case-insensitively), e.g. the
 *                       {@code @} of a URL with credentials: lines without them skip the regex
 */
public record Rule(
        String id,
        String description,
        String regex,
        int secretGroup,
        List<String> keywords,
        String keywordsWaiver,
        Double entropy,
        String path,
        boolean generic,
        boolean multiline,
        boolean anchored,
        String checksum,
        String issuer,
        Severity severity,
        RuleAllowlist allowlist,
        List<String> match,
        List<String> nomatch,
        String examplePath,
        String keyName,
        List<String> requires,
        String source) {

    public Rule {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        requires = requires == null ? List.of() : List.copyOf(requires);
        allowlist = allowlist == null ? RuleAllowlist.NONE : allowlist;
        match = match == null ? List.of() : List.copyOf(match);
        nomatch = nomatch == null ? List.of() : List.copyOf(nomatch);
        severity = severity == null ? Severity.HIGH : severity;
        examplePath = examplePath == null ? "example.txt" : examplePath;
    }
}
