package dev.secretsprawl.scan;

import com.google.re2j.Pattern;
import dev.secretsprawl.rules.Rule;

import java.util.List;
import java.util.Locale;

/**
 * A rule with its patterns compiled once. A regex starting with {@code \\b} is searched without it
 * ({@code leadingBoundary} then says the caller checks the boundary): re2j skips ahead to a literal
 * prefix only when the pattern starts with one, which is 40 times faster on text without the prefix.
 */
record CompiledRule(Rule rule, Pattern pattern, boolean leadingBoundary, Pattern path, List<Pattern> allowRegexes,
                    List<Pattern> allowPaths, List<String> stopwords, Pattern keyName, String literalPrefix) {

    static CompiledRule of(Rule rule) {
        if (rule.checksum() != null && !Checksums.names().contains(rule.checksum())) {
            throw new IllegalArgumentException(rule.source() + " [" + rule.id() + "]: unknown checksum '"
                    + rule.checksum() + "'; known: " + Checksums.names());
        }
        boolean leadingBoundary = rule.regex().startsWith("\\b") && !topLevelAlternation(rule.regex());
        String searched = leadingBoundary ? rule.regex().substring(2) : rule.regex();
        return new CompiledRule(rule,
                Pattern.compile(searched),
                leadingBoundary,
                rule.path() == null ? null : Pattern.compile(rule.path()),
                rule.allowlist().regexes().stream().map(Pattern::compile).toList(),
                rule.allowlist().paths().stream().map(Pattern::compile).toList(),
                rule.allowlist().stopwords().stream().map(s -> s.toLowerCase(Locale.ROOT)).toList(),
                rule.keyName() == null ? null : Pattern.compile(rule.keyName()),
                topLevelAlternation(searched) ? "" : literalPrefix(searched));
    }

    /**
     * The case-sensitive literal every match starts with ({@code AC} for {@code AC[0-9a-f]{32}}), or "".
     * Keywords are found case-insensitively, so an anchored rule checks this before running its regex:
     * the keyword "ac" occurs in half the lines of a build log, a Twilio SID's "AC" almost never.
     */
    static String literalPrefix(String regex) {
        int i = 0;
        while (i < regex.length() && isLiteral(regex.charAt(i))) {
            i++;
        }
        if (i < regex.length() && "?*{".indexOf(regex.charAt(i)) >= 0) {
            i--;      // the last literal is optional or repeated
        }
        return regex.substring(0, Math.max(0, i));
    }

    private static boolean isLiteral(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-'
                || c == ':' || c == '/' || c == '=' || c == '@' || c == ',' || c == ' ';
    }

    /** Whether {@code text[from, to)} holds every literal the rule requires (case-insensitively). */
    boolean requiredPresent(CharSequence text, int from, int to) {
        for (String literal : rule.requires()) {
            if (!containsIgnoreCase(text, from, to, literal)) {
                return false;
            }
        }
        return true;
    }

    private static boolean containsIgnoreCase(CharSequence text, int from, int to, String lowercase) {
        char first = lowercase.charAt(0);
        char firstUpper = Character.toUpperCase(first);
        int last = to - lowercase.length();
        for (int i = from; i <= last; i++) {
            char c = text.charAt(i);
            if (c != first && c != firstUpper) {
                continue;
            }
            int k = 1;
            while (k < lowercase.length() && Character.toLowerCase(text.charAt(i + k)) == lowercase.charAt(k)) {
                k++;
            }
            if (k == lowercase.length()) {
                return true;
            }
        }
        return false;
    }

    /** Whether a match could start at {@code start}, judged by the literal prefix alone. */
    boolean prefixHolds(CharSequence text, int start) {
        int n = literalPrefix.length();
        if (start + n > text.length()) {
            return n == 0;
        }
        for (int i = 0; i < n; i++) {
            if (text.charAt(start + i) != literalPrefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** A {@code |} outside any group: then the leading {@code \\b} belongs to the first alternative only. */
    static boolean topLevelAlternation(String regex) {
        int depth = 0;
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether a match of the searched pattern at {@code start} would satisfy the stripped {@code \\b}. */
    boolean boundaryHolds(CharSequence text, int start) {
        if (!leadingBoundary) {
            return true;
        }
        boolean before = start > 0 && isWord(text.charAt(start - 1));
        boolean after = start < text.length() && isWord(text.charAt(start));
        return before != after;
    }

    private static boolean isWord(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    boolean appliesTo(String filePath) {
        if (path != null && !path.matcher(filePath).find()) {
            return false;
        }
        return allowPaths.stream().noneMatch(p -> p.matcher(filePath).find());
    }
}
